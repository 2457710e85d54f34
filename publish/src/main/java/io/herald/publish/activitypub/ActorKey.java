package io.herald.publish.activitypub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The site actor's RSA key: what signs every request Herald sends to the fediverse, its public half in
 * the actor document. Read from the {@code activitypub-key} file, or made once (2048 bits) and kept in
 * the data folder, readable by its owner only.
 */
public record ActorKey(PrivateKey privateKey, PublicKey publicKey) {

    public static final String FILE = "activitypub-key.pem";

    /** The key in {@code file}; without one, the key kept in {@code dataDir}, made now if there is none yet. */
    public static ActorKey load(java.util.Optional<String> file, Path dataDir) {
        try {
            if (file.isPresent()) {
                return fromPem(Files.readString(Path.of(file.get()), StandardCharsets.US_ASCII));
            }
            Path kept = dataDir.resolve(FILE);
            if (Files.exists(kept)) {
                return fromPem(Files.readString(kept, StandardCharsets.US_ASCII));
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            var pair = g.generateKeyPair();
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, "activitypub-key", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the data folder's own apply
            }
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmp, kept, StandardCopyOption.ATOMIC_MOVE);
            return new ActorKey(pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or keep the ActivityPub key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JVM", e);
        }
    }

    /** A PKCS#8 RSA private key in PEM. */
    public static ActorKey fromPem(String pem) {
        try {
            byte[] der = der(pem, "PRIVATE KEY");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey key = rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("the ActivityPub key is not an RSA key with its public half");
            }
            PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new ActorKey(key, pub);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the ActivityPub key is not a PKCS#8 RSA private key in PEM: " + e.getMessage(), e);
        }
    }

    /** An SPKI public key in PEM ({@code publicKeyPem} of an actor's key), or an IllegalArgumentException. */
    public static PublicKey publicFromPem(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key in PEM: " + e.getMessage(), e);
        }
    }

    /** The public key in PEM, as the actor document gives it. */
    public String publicPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf("-----END " + label + "-----");
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}

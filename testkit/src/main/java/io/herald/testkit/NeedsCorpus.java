package io.herald.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class or method that reads the shared corpus ({@link Corpus}): it runs where the folder is
 * present and is reported as skipped, with the folder named, where it is not.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsCorpus.Condition.class)
public @interface NeedsCorpus {

    final class Condition implements ExecutionCondition {

        private static final AtomicBoolean TOLD = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Path dir = Corpus.dir();
            if (Files.isDirectory(dir)) {
                return ConditionEvaluationResult.enabled("the shared corpus is at " + dir);
            }
            String reason = "Skipped: the shared corpus folder " + dir + " is absent (set -D" + Corpus.PROPERTY
                    + "=DIR to run the tests that read it)";
            if (TOLD.compareAndSet(false, true)) {
                System.out.println("[herald] " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}

package io.herald.app;

import java.util.Optional;

/** The end-to-end scenarios with {@code herald run}'s own embedded KRaft broker, as a user on a laptop runs it. */
class EmbeddedBrokerEndToEndIT extends EndToEndScenarios {

    @Override
    Optional<String> kafkaBootstrap() {
        return Optional.empty();
    }
}

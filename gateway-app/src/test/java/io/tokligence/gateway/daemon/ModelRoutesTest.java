package io.tokligence.gateway.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.daemon.route.ModelRoute;
import io.tokligence.gateway.daemon.route.ModelRoutes;
import org.junit.jupiter.api.Test;

class ModelRoutesTest {
    private final ModelRoutes routes = ModelRoutes.parse(" gpt-4o-mini=loopback, gpt*=openai ,claude*=anthropic,o?-pro=openai,loopback=loopback");

    @Test
    void firstMatchingGlobWins() {
        assertThat(routes.find("gpt-4o-mini").map(ModelRoute::adapter)).contains("loopback");
        assertThat(routes.find("gpt-4o").map(ModelRoute::adapter)).contains("openai");
        assertThat(routes.find("claude-3-5-sonnet").map(ModelRoute::adapter)).contains("anthropic");
        assertThat(routes.find("o1-pro").map(ModelRoute::adapter)).contains("openai");
        assertThat(routes.find("o10-pro")).isEmpty();
        assertThat(routes.find("mistral")).isEmpty();
    }

    @Test
    void globCharactersOtherThanWildcardsAreLiteral() {
        ModelRoutes dotted = ModelRoutes.parse("gpt-4.1=openai");
        assertThat(dotted.find("gpt-4.1")).isPresent();
        assertThat(dotted.find("gpt-4x1")).isEmpty();
    }

    @Test
    void malformedPairNamesTheKey() {
        assertThatThrownBy(() -> ModelRoutes.parse("gpt*=openai,claude*"))
                .hasMessageContaining("model_provider_routes").hasMessageContaining("'claude*'");
    }
}

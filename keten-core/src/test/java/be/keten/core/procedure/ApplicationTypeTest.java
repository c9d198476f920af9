package be.keten.core.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.pathway.PathwayChannel;
import org.junit.jupiter.api.Test;

class ApplicationTypeTest {

    @Test
    void everyArrivalChannelIsFollowedByTheOneTypeThatRequiresIt() {
        for (PathwayChannel channel : PathwayChannel.values()) {
            ApplicationType t = ApplicationType.following(channel);
            assertThat(t.requiredPathway()).contains(channel);
        }
        assertThat(ApplicationType.following(PathwayChannel.RESETTLEMENT)).isEqualTo(ApplicationType.RESETTLEMENT);
    }

    @Test
    void noChannelNoType() {
        assertThat(ApplicationType.following(null)).isNull();
    }
}

package be.keten.sim;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.procedure.DecisionType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/** The draw over arrays gives, draw by draw, what walking the shares' entries in their order gives. */
class WeightsTest {

    /** The draw as a walk over the map's entries: the definition the arrays must keep. */
    private static <K> K walk(Map<K, Double> shares, SplittableRandom rng) {
        double u = rng.nextDouble();
        K last = null;
        for (Map.Entry<K, Double> e : shares.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }

    @Property(tries = 300)
    void drawsAreThoseOfAWalkOverTheEntries(@ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = 0.0, max = 1.0) Double> raw,
                                           @ForAll long seed) {
        double sum = raw.stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            shares.put("k" + i, sum == 0 ? 1.0 / raw.size() : raw.get(i) / sum);
        }
        Weights<String> w = new Weights<>(shares);
        SplittableRandom a = new SplittableRandom(seed);
        SplittableRandom b = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            assertThat(w.draw(a)).isEqualTo(walk(shares, b));
        }
    }

    @Property(tries = 100)
    void aMixSamplesAsTheWalkOverItsSharesAndIsEqualByThem(@ForAll @DoubleRange(min = 0.0, max = 1.0) double refugee, @ForAll long seed) {
        EnumMap<DecisionType, Double> shares = new EnumMap<>(DecisionType.class);
        shares.put(DecisionType.REFUSAL, 1 - refugee);
        shares.put(DecisionType.REFUGEE_STATUS, refugee);
        Mix<DecisionType> mix = new Mix<>(shares);
        assertThat(mix).isEqualTo(new Mix<>(new EnumMap<>(shares))).hasSameHashCodeAs(new Mix<>(new EnumMap<>(shares)));
        SplittableRandom a = new SplittableRandom(seed);
        SplittableRandom b = new SplittableRandom(seed);
        for (int i = 0; i < 50; i++) {
            assertThat(mix.sample(a)).isEqualTo(walk(shares, b));
        }
    }
}

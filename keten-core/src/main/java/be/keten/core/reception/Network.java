package be.keten.core.reception;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The reception network: its facilities and their capacity on any day. */
public record Network(List<Facility> facilities) {
    public Network {
        facilities = List.copyOf(facilities);
        Set<String> ids = new HashSet<>();
        for (Facility f : facilities) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("facility " + f.id() + " appears twice");
            }
        }
    }

    public Optional<Facility> facility(String id) {
        return facilities.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The network with one facility replaced by its new version. */
    public Network with(Facility changed) {
        return new Network(facilities.stream().map(f -> f.id().equals(changed.id()) ? changed : f).toList());
    }

    public int capacityOn(LocalDate d) {
        return facilities.stream().mapToInt(f -> f.capacityOn(d)).sum();
    }

    public Map<PlaceType, Integer> capacityByPlaceType(LocalDate d) {
        Map<PlaceType, Integer> m = new EnumMap<>(PlaceType.class);
        facilities.forEach(f -> m.merge(f.placeType(), f.capacityOn(d), Integer::sum));
        return m;
    }

    public Map<Operator, Integer> capacityByOperator(LocalDate d) {
        Map<Operator, Integer> m = new EnumMap<>(Operator.class);
        facilities.forEach(f -> m.merge(f.operator(), f.capacityOn(d), Integer::sum));
        return m;
    }
}

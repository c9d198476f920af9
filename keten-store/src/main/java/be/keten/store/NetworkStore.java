package be.keten.store;

import be.keten.core.reception.CapacityPeriod;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LanguageRegion;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.core.reception.TargetGroup;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reception network kept in the database: replaced whole by a load, changed by commands. */
public final class NetworkStore {
    private final Database db;
    private final AuditLog audit;

    public NetworkStore(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Replaces the stored network with this one, in one transaction. */
    public void replace(Network network, String actor) {
        db.inTransaction(c -> {
            try (PreparedStatement a = c.prepareStatement("DELETE FROM facility_capacity");
                 PreparedStatement b = c.prepareStatement("DELETE FROM facilities")) {
                a.executeUpdate();
                b.executeUpdate();
            }
            for (Facility f : network.facilities()) {
                insert(c, f);
            }
            return null;
        });
        audit.record(actor, "network-load", "network", network.facilities().size() + " facilities");
    }

    /** Stores a facility's changed capacity plan (a closure, an activation). */
    public void update(Facility f, String actor, String action) {
        db.inTransaction(c -> {
            try (PreparedStatement a = c.prepareStatement("DELETE FROM facility_capacity WHERE facility_id = ?");
                 PreparedStatement b = c.prepareStatement("DELETE FROM facilities WHERE facility_id = ?")) {
                a.setString(1, f.id());
                a.executeUpdate();
                b.setString(1, f.id());
                b.executeUpdate();
            }
            insert(c, f);
            return null;
        });
        audit.record(actor, action, f.id(), null);
    }

    public Network load() {
        return db.inTransaction(c -> {
            Map<String, String[]> attrs = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT facility_id, name, operator, place_type, region, target_groups FROM facilities ORDER BY facility_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attrs.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
                }
            }
            Map<String, List<CapacityPeriod>> periods = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT facility_id, valid_from, valid_until, places, kind, active_from "
                    + "FROM facility_capacity ORDER BY facility_id, period_no");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    periods.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CapacityPeriod(date(rs, 2), date(rs, 3), rs.getInt(4),
                            CapacityPeriod.Kind.valueOf(rs.getString(5)), date(rs, 6)));
                }
            }
            List<Facility> out = new ArrayList<>();
            attrs.forEach((id, a) -> out.add(new Facility(id, a[0], Operator.valueOf(a[1]), PlaceType.valueOf(a[2]), LanguageRegion.valueOf(a[3]),
                    targetGroups(a[4]), periods.getOrDefault(id, List.of()))));
            return new Network(out);
        });
    }

    private static void insert(Connection c, Facility f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO facilities (facility_id, name, operator, place_type, region, target_groups) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, f.id());
            ps.setString(2, f.name());
            ps.setString(3, f.operator().name());
            ps.setString(4, f.placeType().name());
            ps.setString(5, f.region().name());
            ps.setString(6, f.targetGroups().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining("|")));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO facility_capacity (facility_id, period_no, valid_from, valid_until, places, kind, "
                + "active_from) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (CapacityPeriod p : f.capacity()) {
                ps.setString(1, f.id());
                ps.setInt(2, ++n);
                ps.setDate(3, Date.valueOf(p.from()));
                ps.setDate(4, p.until() == null ? null : Date.valueOf(p.until()));
                ps.setInt(5, p.places());
                ps.setString(6, p.kind().name());
                ps.setDate(7, p.activeFrom() == null ? null : Date.valueOf(p.activeFrom()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static java.util.Set<TargetGroup> targetGroups(String stored) {
        java.util.Set<TargetGroup> out = java.util.EnumSet.noneOf(TargetGroup.class);
        for (String g : stored == null || stored.isEmpty() ? new String[0] : stored.split("\\|")) {
            out.add(TargetGroup.valueOf(g));
        }
        return out;
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }
}

package be.keten.server.web;

import be.keten.core.reception.PlaceType;
import java.util.ArrayList;
import java.util.List;

/** The what-if form: two scenarios with their levers (A and B), and the run's horizon, replications and seed. */
public class WhatIfForm {
    public static final int DEFAULT_HORIZON = 12;
    public static final int DEFAULT_REPLICATIONS = 3;
    public static final int MAX_REPLICATIONS = 50;

    /** One side of the comparison: a scenario file and the levers applied to it. */
    public static class Side {
        private String scenario;
        private double inflowScale = 1.0;
        private Double officers;
        private int extraPlaces;
        private int bufferPlaces;
        private PlaceType placeType = PlaceType.COLLECTIVE;
        private List<String> policies = new ArrayList<>();

        public String getScenario() { return scenario; }
        public void setScenario(String scenario) { this.scenario = scenario; }
        public double getInflowScale() { return inflowScale; }
        public void setInflowScale(double inflowScale) { this.inflowScale = inflowScale; }
        public Double getOfficers() { return officers; }
        public void setOfficers(Double officers) { this.officers = officers; }
        public int getExtraPlaces() { return extraPlaces; }
        public void setExtraPlaces(int extraPlaces) { this.extraPlaces = extraPlaces; }
        public int getBufferPlaces() { return bufferPlaces; }
        public void setBufferPlaces(int bufferPlaces) { this.bufferPlaces = bufferPlaces; }
        public PlaceType getPlaceType() { return placeType; }
        public void setPlaceType(PlaceType placeType) { this.placeType = placeType; }
        public List<String> getPolicies() { return policies; }
        public void setPolicies(List<String> policies) { this.policies = policies == null ? new ArrayList<>() : policies; }
    }

    private Side a = new Side();
    private Side b = new Side();
    private int horizon = DEFAULT_HORIZON;
    private int replications = DEFAULT_REPLICATIONS;
    private long seed = 1;
    private String indicator = WhatIfJobs.DEFAULT_INDICATOR;

    public Side getA() { return a; }
    public void setA(Side a) { this.a = a; }
    public Side getB() { return b; }
    public void setB(Side b) { this.b = b; }
    public int getHorizon() { return horizon; }
    public void setHorizon(int horizon) { this.horizon = horizon; }
    public int getReplications() { return replications; }
    public void setReplications(int replications) { this.replications = replications; }
    public long getSeed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }
    public String getIndicator() { return indicator; }
    public void setIndicator(String indicator) { this.indicator = indicator; }
}

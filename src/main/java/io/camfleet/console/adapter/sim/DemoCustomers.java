package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.fleet.SlaTier;

import java.util.List;

/** The fictional customers of the demo fleet, the kind of places they run cameras at, and where. */
final class DemoCustomers {

    private DemoCustomers() {
    }

    enum Industry {
        LOGISTICS(4, "Distribution Center", "Cross-Dock", "Warehouse", "Parcel Hub"),
        RETAIL(2, "Store", "Flagship Store", "Outlet", "Supermarket"),
        PORTS(6, "Container Terminal", "Gate Complex", "Rail Yard"),
        AIRPORTS(8, "Terminal", "Cargo Apron", "Airside Gate"),
        PARKING(3, "Garage", "Park & Ride", "Car Park"),
        CITY(2, "Traffic Junction", "Transit Hub", "Tunnel"),
        ENERGY(2, "Substation", "Solar Farm", "Pumping Station"),
        MANUFACTURING(4, "Plant", "Assembly Hall", "Foundry"),
        CONSTRUCTION(2, "Build Site", "Crane Yard"),
        STADIUMS(8, "Arena", "Stadium"),
        DATA_CENTERS(5, "Data Center", "Colocation Hall"),
        HEALTHCARE(4, "Hospital", "Clinic"),
        PARKS(1, "Reserve Gate", "Ranger Station"),
        EDUCATION(3, "Campus", "Library");

        final int camerasPerSite;
        final List<String> facilities;

        Industry(int camerasPerSite, String... facilities) {
            this.camerasPerSite = camerasPerSite;
            this.facilities = List.of(facilities);
        }
    }

    /**
     * @param regions where the customer operates; empty for everywhere
     * @param weight  relative share of sites
     * @param tiers   SLA tiers it buys, drawn evenly (repeat a tier to weight it)
     */
    record Customer(String name, Industry industry, List<String> regions, double weight, List<SlaTier> tiers) {
    }

    private static final List<SlaTier> PREMIUM = List.of(SlaTier.PLATINUM, SlaTier.PLATINUM, SlaTier.GOLD);
    private static final List<SlaTier> STANDARD = List.of(SlaTier.GOLD, SlaTier.SILVER, SlaTier.SILVER);
    private static final List<SlaTier> BUDGET = List.of(SlaTier.SILVER, SlaTier.BRONZE, SlaTier.BRONZE);

    static final List<Customer> ALL = List.of(
            new Customer("Northwind Logistics", Industry.LOGISTICS, List.of(), 10, STANDARD),
            new Customer("Contoso Retail", Industry.RETAIL, List.of("NA", "EU"), 9, BUDGET),
            new Customer("Meridian Airports", Industry.AIRPORTS, List.of(), 4, PREMIUM),
            new Customer("Harbor & Rail Ports", Industry.PORTS, List.of(), 3, PREMIUM),
            new Customer("Atlas Parking", Industry.PARKING, List.of("NA", "EU", "OC"), 6, BUDGET),
            new Customer("Helios Energy", Industry.ENERGY, List.of("EU", "ME", "AF"), 4, PREMIUM),
            new Customer("Kestrel Manufacturing", Industry.MANUFACTURING, List.of("APAC", "NA", "EU"), 6, STANDARD),
            new Customer("Lumen City Services", Industry.CITY, List.of("EU", "LATAM"), 4, STANDARD),
            new Customer("Pacific Rim Freight", Industry.LOGISTICS, List.of("APAC", "OC", "NA"), 6, STANDARD),
            new Customer("Andes Haulage", Industry.LOGISTICS, List.of("LATAM"), 2, BUDGET),
            new Customer("Sahara Solar", Industry.ENERGY, List.of("AF", "ME"), 2, STANDARD),
            new Customer("Nordlicht Retail", Industry.RETAIL, List.of("EU"), 4, BUDGET),
            new Customer("Bluewater Marinas", Industry.PORTS, List.of("EU", "NA", "OC"), 2, STANDARD),
            new Customer("Tembo Logistics", Industry.LOGISTICS, List.of("AF"), 3, BUDGET),
            new Customer("Sakura Transit", Industry.CITY, List.of("APAC"), 3, PREMIUM),
            new Customer("Gulf Gateway Airports", Industry.AIRPORTS, List.of("ME"), 2, PREMIUM),
            new Customer("Maple Grocers", Industry.RETAIL, List.of("NA"), 4, BUDGET),
            new Customer("Southern Cross Construction", Industry.CONSTRUCTION, List.of("OC", "APAC"), 2, BUDGET),
            new Customer("Iberia Parking", Industry.PARKING, List.of("EU", "LATAM"), 2, BUDGET),
            new Customer("Monsoon Stadiums", Industry.STADIUMS, List.of("APAC", "ME"), 1, STANDARD),
            new Customer("Quantum Data Centers", Industry.DATA_CENTERS, List.of(), 3, PREMIUM),
            new Customer("Orion Hospitals", Industry.HEALTHCARE, List.of("NA", "EU"), 3, PREMIUM),
            new Customer("Savanna Wildlife Parks", Industry.PARKS, List.of("AF"), 1, BUDGET),
            new Customer("Aurora Campus Security", Industry.EDUCATION, List.of("NA", "EU", "OC"), 2, STANDARD));
}

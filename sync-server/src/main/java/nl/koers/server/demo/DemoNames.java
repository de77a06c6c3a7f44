package nl.koers.server.demo;

import java.util.List;

/** Invented names for demo data. Combinations are drawn at random; none describes a real person. */
final class DemoNames {

    static final List<String> COACHES = List.of(
            "Anna Jansen", "Bert Bakker", "Fatma Yilmaz", "Joost de Groot", "Inge Visser", "Ruben Smit");

    /** Given names, family names and country code of origin, per origin. */
    record Origin(String country, List<String> given, List<String> family, String language) {
    }

    static final List<Origin> ORIGINS = List.of(
            new Origin("SY", List.of("Rami", "Lina", "Omar", "Nour", "Khaled", "Hiba", "Yara", "Samer"),
                    List.of("Haddad", "Khoury", "Mansour", "Darwish", "Sabbagh", "Nasser"), "ar"),
            new Origin("ER", List.of("Yonas", "Selam", "Dawit", "Helen", "Tesfay", "Mebrat", "Senait", "Filmon"),
                    List.of("Tesfamariam", "Ghebreyesus", "Kidane", "Berhane", "Tekle", "Habte"), "ti"),
            new Origin("AF", List.of("Farid", "Mariam", "Ahmad", "Zahra", "Nasir", "Parwana"),
                    List.of("Rahimi", "Sultani", "Ahmadzai", "Hakimi", "Noori"), "fa"),
            new Origin("TR", List.of("Emre", "Elif", "Mehmet", "Zeynep", "Burak"),
                    List.of("Demir", "Kaya", "Aydin", "Celik"), "tr"),
            new Origin("YE", List.of("Hamza", "Amal", "Salem", "Reem"), List.of("Al-Saqqaf", "Ba-Wazir", "Al-Amri"), "ar"),
            new Origin("staatloos", List.of("Aziz", "Dilan", "Rojin"), List.of("Hassan", "Ibrahim"), "ku"));

    static final List<String> EMPLOYERS = List.of(
            "Zorggroep De Linde", "Bouwbedrijf Van der Berg", "Albert Heijn Overvecht", "Gemeente Utrecht Groen",
            "Fietsenmakerij Spaak", "Logistiek Centrum Nieuwegein", "Restaurant De Smaak", "Schoonmaakbedrijf Glans");

    static final List<String> SECTORS = List.of("zorg", "bouw", "detailhandel", "groen", "techniek", "logistiek",
            "horeca", "schoonmaak");

    private DemoNames() {
    }
}

package org.klynge.examples.synthetic;

import java.util.List;

/**
 * The five Danish regions and their 98 municipalities (codes as in the Danish municipality
 * register), each region's municipalities listed from the most to the least populous, with the
 * number of clusters each region gets in the synthetic nation (114 in all, roughly in proportion
 * to population).
 */
final class Geography {

  /** A municipality: its code and name. */
  record Place(String code, String name) {}

  /** A region: its code, name, number of clusters and municipalities (largest first). */
  record Area(String code, String name, int clusters, List<Place> municipalities) {}

  static final List<Area> REGIONS = List.of(
      new Area("1084", "Region Hovedstaden", 36, places(
          "101", "København", "147", "Frederiksberg", "157", "Gentofte", "159", "Gladsaxe",
          "173", "Lyngby-Taarbæk", "230", "Rudersdal", "167", "Hvidovre", "217", "Helsingør",
          "169", "Høje-Taastrup", "219", "Hillerød", "240", "Egedal", "151", "Ballerup",
          "250", "Frederikssund", "270", "Gribskov", "190", "Furesø", "210", "Fredensborg",
          "175", "Rødovre", "185", "Tårnby", "153", "Brøndby", "260", "Halsnæs", "163", "Herlev",
          "400", "Bornholm", "165", "Albertslund", "201", "Allerød", "223", "Hørsholm",
          "161", "Glostrup", "183", "Ishøj", "155", "Dragør", "187", "Vallensbæk")),
      new Area("1082", "Region Midtjylland", 26, places(
          "751", "Aarhus", "730", "Randers", "615", "Horsens", "740", "Silkeborg", "657", "Herning",
          "791", "Viborg", "746", "Skanderborg", "661", "Holstebro", "760", "Ringkøbing-Skjern",
          "766", "Hedensted", "706", "Syddjurs", "710", "Favrskov", "756", "Ikast-Brande",
          "707", "Norddjurs", "779", "Skive", "671", "Struer", "727", "Odder", "665", "Lemvig",
          "741", "Samsø")),
      new Area("1083", "Region Syddanmark", 24, places(
          "461", "Odense", "561", "Esbjerg", "630", "Vejle", "621", "Kolding", "540", "Sønderborg",
          "479", "Svendborg", "580", "Aabenraa", "510", "Haderslev", "607", "Fredericia",
          "573", "Varde", "430", "Faaborg-Midtfyn", "575", "Vejen", "420", "Assens",
          "480", "Nordfyns", "410", "Middelfart", "550", "Tønder", "450", "Nyborg",
          "530", "Billund", "440", "Kerteminde", "482", "Langeland", "492", "Ærø", "563", "Fanø")),
      new Area("1085", "Region Sjælland", 16, places(
          "265", "Roskilde", "370", "Næstved", "330", "Slagelse", "316", "Holbæk", "259", "Køge",
          "376", "Guldborgsund", "326", "Kalundborg", "390", "Vordingborg", "253", "Greve",
          "329", "Ringsted", "320", "Faxe", "360", "Lolland", "306", "Odsherred", "340", "Sorø",
          "350", "Lejre", "336", "Stevns", "269", "Solrød")),
      new Area("1081", "Region Nordjylland", 12, places(
          "851", "Aalborg", "860", "Hjørring", "813", "Frederikshavn", "846", "Mariagerfjord",
          "849", "Jammerbugt", "787", "Thisted", "820", "Vesthimmerlands", "810", "Brønderslev",
          "840", "Rebild", "773", "Morsø", "825", "Læsø")));

  /** The region holding the smallest cluster (as in the national cluster statistics). */
  static final String SMALLEST_CLUSTER_REGION = "1085";
  /** The region holding the largest cluster. */
  static final String LARGEST_CLUSTER_REGION = "1083";

  static final List<String> FIRST_NAMES = List.of(
      "Anne", "Mette", "Kirsten", "Hanne", "Helle", "Susanne", "Lene", "Camilla", "Louise", "Maria",
      "Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Niels", "Anders", "Martin",
      "Rasmus", "Mads", "Jakob", "Sofie", "Ida", "Line", "Karen", "Birgitte", "Ole", "Morten");

  static final List<String> SURNAMES = List.of(
      "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
      "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
      "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen",
      "Mikkelsen", "Lauridsen", "Frederiksen", "Holm", "Dahl", "Bak", "Lund", "Schmidt");

  private Geography() {}

  private static List<Place> places(String... codeAndName) {
    Place[] out = new Place[codeAndName.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Place(codeAndName[2 * i], codeAndName[2 * i + 1]);
    }
    return List.of(out);
  }
}

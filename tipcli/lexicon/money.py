"""Money as writers state it: currency signs, codes and names, each given its ISO 4217 code."""

# Signs and codes written before an amount ("HK$50 million", "RM5 million", "MOP 4
# million"), longest first so that "HK$" is not read as "$". A bare "$" is decided by
# the document (see figures): US dollars in US text, else the local dollar.
SIGNS: dict[str, str] = {
    "HK$": "HKD", "US$": "USD", "NT$": "TWD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
    "NZ$": "NZD", "FJ$": "FJD", "RD$": "DOP", "J$": "JMD", "TT$": "TTD", "BZ$": "BZD",
    "EC$": "XCD", "B$": "BSD", "BDS$": "BBD", "G$": "GYD", "L$": "LRD", "N$": "NAD",
    "SI$": "SBD", "R$": "BRL", "MOP$": "MOP", "MOP": "MOP", "RM": "MYR", "RMB": "CNY",
    "CN¥": "CNY", "¥": "CNY", "€": "EUR", "£": "GBP", "₱": "PHP", "₩": "KRW", "₹": "INR",
    "฿": "THB", "₦": "NGN", "₫": "VND", "S/.": "PEN", "S/": "PEN", "Rp": "IDR", "Rs.": "INR",
    "Rs": "INR", "Tk": "BDT", "KSh": "KES", "Ksh": "KES", "KShs": "KES", "USh": "UGX",
    "TSh": "TZS", "GH₵": "GHS", "₵": "GHS", "Br": "BYN", "₽": "RUB", "₴": "UAH", "₸": "KZT",
    "$": "$",
    **{code: code for code in (
        "USD", "HKD", "EUR", "GBP", "THB", "MYR", "SGD", "TWD", "CNY", "JPY", "INR", "IDR",
        "VND", "KES", "NGN", "ZAR", "PHP", "KRW", "PEN", "DOP", "FJD", "AUD", "CAD", "BRL",
        "MXN", "COP", "ARS", "CLP", "BDT", "PKR", "LKR", "NPR", "AED", "SAR", "QAR", "KWD",
        "BHD", "OMR", "JOD", "EGP", "TRY", "UAH", "RUB", "KZT", "GEL", "KGS", "UZS", "MNT",
        "XAF", "XOF", "GHS", "UGX", "TZS", "ETB", "MZN", "ZMW", "MWK", "PGK")},
}
# Names written after an amount ("50 million Hong Kong dollars", "4 million patacas").
NAMES: dict[str, str] = {
    "hong kong dollars": "HKD", "hk dollars": "HKD", "us dollars": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "new taiwan dollars": "TWD", "taiwan dollars": "TWD",
    "singapore dollars": "SGD", "fiji dollars": "FJD", "fijian dollars": "FJD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "patacas": "MOP", "pataca": "MOP",
    "yuan": "CNY", "renminbi": "CNY", "baht": "THB", "ringgit": "MYR", "won": "KRW",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "kina": "PGK", "naira": "NGN",
    "rupees": "INR", "rupiah": "IDR", "dong": "VND", "taka": "BDT", "kyat": "MMK",
    "riel": "KHR", "kip": "LAK", "lari": "GEL", "soles": "PEN", "nuevos soles": "PEN",
    "lempiras": "HNL", "quetzales": "GTQ", "colones": "CRC", "reais": "BRL", "hryvnias": "UAH",
    "rubles": "RUB", "roubles": "RUB", "tenge": "KZT", "som": "KGS", "soms": "KGS",
    "shillings": "KES", "cedis": "GHS", "rand": "ZAR", "dirhams": "AED", "riyals": "SAR",
    "dinars": "JOD", "lira": "TRY", "liras": "TRY", "yen": "JPY", "manat": "TMT",
    "central african cfa francs": "XAF", "cfa francs": "XAF", "west african cfa francs": "XOF",
    "tugriks": "MNT", "afghanis": "AFN", "leks": "ALL", "lei": "MDL", "dollars": "$",
    "pesos": "pesos", "francs": "francs",
    # a currency named with its country's adjective
    "belarusian rubles": "BYN", "belarusian roubles": "BYN", "russian rubles": "RUB",
    "kenyan shillings": "KES", "ugandan shillings": "UGX", "tanzanian shillings": "TZS",
    "nepali rupees": "NPR", "nepalese rupees": "NPR", "indian rupees": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "philippine pesos": "PHP",
    "mexican pesos": "MXN", "dominican pesos": "DOP", "colombian pesos": "COP",
    "argentine pesos": "ARS", "chilean pesos": "CLP", "thai baht": "THB",
    "malaysian ringgit": "MYR", "vietnamese dong": "VND", "indonesian rupiah": "IDR",
    "cambodian riel": "KHR", "bangladeshi taka": "BDT", "nigerian naira": "NGN",
    "ghanaian cedis": "GHS", "south african rand": "ZAR", "egyptian pounds": "EGP",
    "turkish lira": "TRY", "ukrainian hryvnias": "UAH", "kazakh tenge": "KZT",
    "kyrgyz som": "KGS", "uzbek som": "UZS", "honduran lempiras": "HNL",
    "guatemalan quetzales": "GTQ", "swiss francs": "CHF", "japanese yen": "JPY",
    "chinese yuan": "CNY", "macau patacas": "MOP", "macao patacas": "MOP",
}
# "pesos", "francs" and a bare "$" or "dollars" are named by the place: its currency.
LOCAL_CURRENCY: dict[str, dict[str, str]] = {
    "$": {"Hong Kong": "HKD", "Taiwan": "TWD", "Singapore": "SGD", "Fiji": "FJD",
          "Australia": "AUD", "New Zealand": "NZD", "Canada": "CAD", "Jamaica": "JMD",
          "The Bahamas": "BSD", "Barbados": "BBD", "Belize": "BZD", "Brunei": "BND",
          "Guyana": "GYD", "Liberia": "LRD", "Namibia": "NAD", "Solomon Islands": "SBD",
          "Trinidad and Tobago": "TTD", "Suriname": "SRD", "Antigua and Barbuda": "XCD",
          "Dominica": "XCD", "Grenada": "XCD", "Saint Kitts and Nevis": "XCD",
          "St. Lucia": "XCD", "St. Vincent and the Grenadines": "XCD"},
    "pesos": {"Philippines": "PHP", "Dominican Republic": "DOP", "Mexico": "MXN",
              "Colombia": "COP", "Argentina": "ARS", "Chile": "CLP", "Cuba": "CUP",
              "Uruguay": "UYU"},
    "francs": {"Chad": "XAF", "Cameroon": "XAF", "Central African Republic": "XAF",
               "Republic of the Congo": "XAF", "Gabon": "XAF", "Equatorial Guinea": "XAF",
               "Senegal": "XOF", "Mali": "XOF", "Niger": "XOF", "Burkina Faso": "XOF",
               "Côte d'Ivoire": "XOF", "Benin": "XOF", "Togo": "XOF", "Guinea-Bissau": "XOF",
               "Switzerland": "CHF", "Guinea": "GNF", "Burundi": "BIF", "Rwanda": "RWF",
               "Djibouti": "DJF", "Comoros": "KMF", "Madagascar": "MGA",
               "Democratic Republic of the Congo": "CDF"},
}
# Written after a number, these multiply it; money keeps the word in its unit instead
# ("HK$50 million" is 50 in "HKD million").
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "millions": 1_000_000, "billions": 1_000_000_000, "thousands": 1_000,
          "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
          "k": 1_000}
SCALE_WORDS = {1_000: "thousand", 1_000_000: "million", 1_000_000_000: "billion"}

// SPDX-License-Identifier: Apache-2.0
/// Named days that news text dates things by (`the first day of the Lunar
/// New Year`, `Christmas`, `Singles' Day`), and their dates by year. Fixed
/// days are computed; lunar ones come from a table and resolve only in the
/// years it holds (2018–2030): elsewhere the phrase dates nothing and the
/// publication bounds the release.
enum Festivals {
    /// Lower-case words a sentence needs for the festival rule to run.
    static let stems = ["new year", "festival", "christmas", "boxing day", "thanksgiving", "singles", "halloween", "valentine", "eve"]

    static let pattern = "Lunar New Year|Chinese New Year|Spring Festival|Mid-Autumn Festival|Dragon Boat Festival|Christmas(?: Day| Eve)?|Boxing Day"
        + "|New Year['’]s (?:Day|Eve)|Singles['’]? Day|Thanksgiving(?: Day)?|Halloween|Valentine['’]s Day"

    /// First day of the lunar year (Spring Festival), by Gregorian year.
    static let lunarNewYear: [Int: (Int, Int)] = [
        2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29),
        2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
    ]
    /// Fifteenth day of the eighth lunar month.
    static let midAutumn: [Int: (Int, Int)] = [
        2018: (9, 24), 2019: (9, 13), 2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17), 2025: (10, 6),
        2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12),
    ]
    /// Fifth day of the fifth lunar month.
    static let dragonBoat: [Int: (Int, Int)] = [
        2018: (6, 18), 2019: (6, 7), 2020: (6, 25), 2021: (6, 14), 2022: (6, 3), 2023: (6, 22), 2024: (6, 10), 2025: (5, 31),
        2026: (6, 19), 2027: (6, 9), 2028: (5, 28), 2029: (6, 16), 2030: (6, 5),
    ]

    /// The day a festival falls on in a year, if known.
    static func date(of name: String, year: Int) -> CalendarDate? {
        let key = name.lowercased().replacingOccurrences(of: "’", with: "'")
        func from(_ table: [Int: (Int, Int)]) -> CalendarDate? {
            table[year].map { CalendarDate(year: year, month: $0.0, day: $0.1) }
        }
        switch key {
        case "lunar new year", "chinese new year", "spring festival": return from(lunarNewYear)
        case "mid-autumn festival": return from(midAutumn)
        case "dragon boat festival": return from(dragonBoat)
        case "christmas", "christmas day": return CalendarDate(year: year, month: 12, day: 25)
        case "christmas eve": return CalendarDate(year: year, month: 12, day: 24)
        case "boxing day": return CalendarDate(year: year, month: 12, day: 26)
        case "new year's day": return CalendarDate(year: year, month: 1, day: 1)
        case "new year's eve": return CalendarDate(year: year, month: 12, day: 31)
        case "singles' day", "singles day": return CalendarDate(year: year, month: 11, day: 11)
        case "halloween": return CalendarDate(year: year, month: 10, day: 31)
        case "valentine's day": return CalendarDate(year: year, month: 2, day: 14)
        case "thanksgiving", "thanksgiving day":
            // The fourth Thursday of November (United States).
            let first = CalendarDate(year: year, month: 11, day: 1)
            let toThursday = (4 - first.weekday + 7) % 7
            return first.adding(days: toThursday + 21)
        default: return nil
        }
    }
}

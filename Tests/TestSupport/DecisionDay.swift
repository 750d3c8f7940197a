import SchemeLanguage

/// The decision dates tests give explicitly, since the engine never reads the clock.
public enum DecisionDay {
    /// The day the sample applications and the tests' batches are decided: after every
    /// sample's filing date (the latest is 3 December 2020), so that none is decided before it
    /// is filed, and late enough that every dated parameter has its 2020 reform.
    public static let samples = LocalDate(year: 2020, month: 12, day: 15)!

    /// For the batches whose applications run into 2021 (yearly limits, months already paid).
    public static let endOf2021 = LocalDate(year: 2021, month: 12, day: 31)!
}

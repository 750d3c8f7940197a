extension String {
    /// The parts one after the other, in a string given their whole size at once. A sentence of
    /// an act put together from a name, a title and a few words grows once this way, where an
    /// interpolation, which reserves room for its literal words alone, grows it part by part.
    init(sized parts: [String]) {
        var size = 0
        for part in parts { size += part.utf8.count }
        self.init()
        reserveCapacity(size)
        for part in parts { append(part) }
    }
}

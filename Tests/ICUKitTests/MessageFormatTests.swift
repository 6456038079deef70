import ICUKit
import PlannerCore
import Testing

@Suite("Strict MessageFormat with named arguments")
struct MessageFormatTests {
    let zone = "Asia/Kolkata"
    let offers = "{n, plural, one {# offer for {name}} other {# offers for {name}}} until {d, date, long}"

    @Test("text comes back exactly: ASCII, Indic, Arabic, astral characters (surrogate pairs)")
    func roundTrip() throws {
        let message = try ICUMessageFormat("{name}", locale: "en_IN", timeZone: "Asia/Kolkata")
        for text in ["Asha", "नमस्ते", "عید مبارک", "😀 Asha 👍🏽", "é\u{301}", ""] {
            #expect(try message.format(["name": .string(text)]) == text)
        }
    }

    @Test("named arguments, plural and a date in the campaign's zone")
    func format() throws {
        let message = try ICUMessageFormat(offers, locale: "en_IN", timeZone: zone)
        let midnight = try epochMilliseconds(of: CivilDate(year: 2026, month: 11, day: 8)!, timeZone: zone)
        #expect(
            try message.format(["n": .integer(2), "name": .string("Asha"), "d": .date(epochMilliseconds: midnight)])
                == "2 offers for Asha until 8 November 2026")
        #expect(
            try message.format(["n": .integer(1), "name": .string("Asha"), "d": .date(epochMilliseconds: midnight)])
                == "1 offer for Asha until 8 November 2026")
    }

    @Test("every argument is listed with its nesting, kind and selectors")
    func describe() throws {
        let arguments = try MessageArgument.parse(offers)
        #expect(arguments.map(\.name) == ["n", "name", "name", "d"])
        #expect(arguments.map(\.depth) == [0, 1, 1, 0])
        #expect(arguments[0].kind == .plural && arguments[0].selectors == ["one", "other"])
        #expect(arguments[3].kind == .simple && arguments[3].type == "date" && arguments[3].style == "long")
    }

    @Test("styles holding newlines, tabs or backslashes are listed whole (libFuzzer found a crash on `{b,m,m\\n¤}`)")
    func describeOddStyles() throws {
        let newline = try MessageArgument.parse("{a, number, x\ny} left")
        #expect(newline.count == 1 && newline[0].name == "a" && newline[0].style == "x\ny" && newline[0].type == "number")
        let tab = try MessageArgument.parse("{a, number, x\ty}")
        #expect(tab.count == 1 && tab[0].style == "x\ty")
        let backslash = try MessageArgument.parse("{a, number, x\\ny}")
        #expect(backslash.count == 1 && backslash[0].style == "x\\ny")
        // The fuzzer's shrunk input: a simple argument of type `m` whose style holds a newline.
        let fuzzed = try MessageArgument.parse("{b,m,m\n¤}")
        #expect(fuzzed.map(\.name) == ["b"] && fuzzed[0].type == "m" && fuzzed[0].style == "m\n¤")
        // Depths of ten and more are read back as written (they were one character before).
        let deep = (0..<11).reduce("{v}") { inner, i in "{s\(i), select, other {\(inner)}}" }
        #expect(try MessageArgument.parse(deep).map(\.depth).max() == 11)
    }

    @Test("a missing argument nested in a plural branch is an error naming it")
    func missingNested() throws {
        let message = try ICUMessageFormat(offers, locale: "en_IN", timeZone: zone)
        #expect(throws: ICUError.missingArgument(name: "name")) {
            try message.format(["n": .integer(2), "d": .date(epochMilliseconds: 0)])
        }
    }

    @Test("an unknown argument is an error")
    func unknown() throws {
        let message = try ICUMessageFormat("Hi {name}", locale: "en_IN", timeZone: zone)
        #expect(throws: ICUError.unknownArgument(name: "nmae")) { try message.format(["name": .string("A"), "nmae": .string("B")]) }
    }

    @Test("a string where the plural needs a number is an error")
    func wrongType() throws {
        let message = try ICUMessageFormat("{n, plural, other {# days}}", locale: "en_IN", timeZone: zone)
        #expect(throws: ICUError.argumentType(name: "n", expected: "a number", got: "text")) { try message.format(["n": .string("3")]) }
    }

    @Test("numbered arguments are refused")
    func numbered() {
        #expect(throws: ICUError.numberedArgument(name: "0")) { try ICUMessageFormat("Hi {0}", locale: "en_IN", timeZone: zone) }
    }

    @Test("a syntax error carries its offset")
    func syntax() {
        #expect(throws: ICUError.syntax(pattern: "{n, plural, one {x} other {y}", offset: 11, operation: "MessageFormat")) {
            try ICUMessageFormat("{n, plural, one {x} other {y}", locale: "en_IN", timeZone: zone)
        }
    }

    @Test("Bengali: whole-rupee currency skeleton and native digits in #")
    func bengali() throws {
        let message = try ICUMessageFormat(
            "{p, number, ::currency/INR precision-currency-standard/w} {c, plural, other {# দিন}}", locale: "bn_IN", timeZone: zone)
        #expect(try message.format(["p": .decimal("149900"), "c": .integer(3)]) == "₹১,৪৯,৯০০ ৩ দিন")
    }
}

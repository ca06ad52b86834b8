/// Turns command-line tokens into `ParsedArguments` following a `CommandSpec`.
///
/// Accepted: `--name value`, `--name=value`, `-n value`, `-nvalue`, `--` to end options, a lone `-` as a
/// positional (standard input). Short flags cannot be bundled. A value option takes the next token unless
/// that token looks like an option (use `--name=-x` for values that start with a dash); negative numbers
/// are values.
public enum ArgumentParser {
    /// Whether `--help` or `-h` appears before `--`: help wins over every other mistake on the line.
    public static func requestsHelp(_ tokens: [String]) -> Bool {
        for token in tokens {
            if token == "--" { return false }
            if token == "--help" || token == "-h" { return true }
        }
        return false
    }

    public static func parse(_ tokens: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments(spec: spec)
        var index = 0
        var optionsEnded = false

        func fail(_ message: String) -> UsageError { UsageError(message, commandName: spec.name) }

        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if optionsEnded || token == "-" || !token.hasPrefix("-") || looksLikeNumber(token) {
                result.positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }

            // Resolve the option and any value attached to the token.
            let option: OptionSpec
            var attached: String?
            let spelled: String
            if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                let name: Substring
                if let equals = body.firstIndex(of: "=") {
                    name = body[..<equals]
                    attached = String(body[body.index(after: equals)...])
                } else {
                    name = body
                }
                spelled = "--" + name
                guard let found = spec.option(named: String(name)) else {
                    var message = "unknown option '\(spelled)'"
                    let candidates = spec.options.map(\.name) + ["help"]
                    if let guess = Suggestion.closest(to: String(name), among: candidates) {
                        message += "; did you mean '--\(guess)'?"
                    }
                    throw fail(message)
                }
                option = found
            } else {
                let body = token.dropFirst()
                let letter = body[body.startIndex]
                spelled = "-" + String(letter)
                guard let found = spec.option(short: letter) else { throw fail("unknown option '\(token)'") }
                let rest = body.dropFirst()
                if !rest.isEmpty {
                    if found.kind == .flag { throw fail("unknown option '\(token)' (short options cannot be combined)") }
                    attached = String(rest.hasPrefix("=") ? rest.dropFirst() : rest)
                }
                option = found
            }
            let named = spelled == option.longFlag ? "'\(spelled)'" : "'\(spelled)' ('\(option.longFlag)')"

            if option.kind == .flag {
                if attached != nil { throw fail("option \(named) does not take a value") }
                if !result.flags.insert(option.name).inserted { throw fail("option \(named) was given more than once") }
                continue
            }

            // A value option: the attached value or the next token.
            let raw: String
            if let attached {
                raw = attached
            } else if index < tokens.count, !isOptionLike(tokens[index]) {
                raw = tokens[index]
                index += 1
            } else {
                throw fail("missing value for option \(named) <\(option.valueName)>")
            }
            if raw.isEmpty { throw fail("missing value for option \(named) <\(option.valueName)>") }
            if option.kind == .value, result.optionValues[option.name] != nil {
                throw fail("option \(named) was given more than once")
            }

            var items = [raw]
            if option.acceptsCommaSeparatedList {
                items = raw.split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingWhitespace) }
                if items.contains(where: \.isEmpty) { throw fail("empty item in list '\(raw)' for option \(named)") }
            }
            if let allowed = option.allowedValues {
                for item in items where !allowed.contains(item) {
                    var message = "invalid value '\(item)' for option \(named); allowed: \(allowed.joined(separator: ", "))"
                    if let guess = Suggestion.closest(to: item, among: allowed) { message += " (did you mean '\(guess)'?)" }
                    throw fail(message)
                }
            }
            result.optionValues[option.name, default: []].append(contentsOf: items)
        }

        for group in spec.exclusiveGroups {
            let given = group.filter { result.isPresent($0) }
            if given.count > 1 {
                let names = given.map { "'--\($0)'" }
                let listed = names.count == 2 ? names.joined(separator: " and ") : names.joined(separator: ", ")
                throw fail("options \(listed) cannot be used together")
            }
        }
        for option in spec.options where option.isRequired && !result.isPresent(option.name) {
            throw fail("missing required option '\(option.longFlag) <\(option.valueName)>'")
        }

        let required = spec.positionals.filter { !$0.isOptional }
        if result.positionals.count < required.count {
            throw fail("missing argument <\(required[result.positionals.count].name)>")
        }
        let repeats = spec.positionals.last?.isRepeating ?? false
        if !repeats, result.positionals.count > spec.positionals.count {
            let extra = result.positionals[spec.positionals.count]
            if spec.positionals.isEmpty { throw fail("unexpected argument '\(extra)'") }
            let expected = spec.positionals.map(\.synopsis).joined(separator: " ")
            throw fail("unexpected argument '\(extra)' (expected \(expected))")
        }
        return result
    }

    /// `-5`, `-0.5`: values and positionals, never options.
    static func looksLikeNumber(_ token: String) -> Bool {
        guard token.count > 1, token.hasPrefix("-") else { return false }
        let body = token.dropFirst()
        guard let first = body.first, first.isASCII, first.isNumber || first == "." else { return false }
        return Double(body) != nil
    }

    /// Whether a token after a value option must not be taken as its value.
    static func isOptionLike(_ token: String) -> Bool {
        token.hasPrefix("-") && token != "-" && !looksLikeNumber(token)
    }
}

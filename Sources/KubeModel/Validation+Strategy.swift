extension DeploymentSpec {
    /// `ValidateDeploymentStrategy`. A nil strategy is the internal zero value, whose empty type is unsupported.
    func strategyValidationErrors() -> [FieldError] {
        let path = "spec.strategy"
        switch strategy?.type {
        case "Recreate":
            guard strategy?.rollingUpdate != nil else { return [] }
            return [FieldError(.forbidden, path + ".rollingUpdate",
                               detail: "may not be specified when strategy `type` is 'Recreate'")]
        case "RollingUpdate":
            guard let rolling = strategy?.rollingUpdate else {
                return [FieldError(.required, path + ".rollingUpdate",
                                   detail: "this should be defaulted and never be nil")]
            }
            return rolling.validationErrors(at: path + ".rollingUpdate")
        default:
            return [FieldError(.notSupported(allowed: ["Recreate", "RollingUpdate"]), path,
                               value: GoSyntax.strategy(strategy))]
        }
    }
}

extension RollingUpdateDeployment {
    /// `ValidateRollingUpdateDeployment`: both values well-formed, not both zero, maxUnavailable at most 100%.
    ///
    /// A nil value is the internal zero value `intstr.FromInt(0)`; after defaulting neither is nil.
    func validationErrors(at path: String) -> [FieldError] {
        let unavailable = maxUnavailable ?? .int(0)
        let surge = maxSurge ?? .int(0)
        var errors = unavailable.positiveIntOrPercentErrors(at: path + ".maxUnavailable")
        errors += surge.positiveIntOrPercentErrors(at: path + ".maxSurge")
        if unavailable.validationValue == 0 && surge.validationValue == 0 {
            errors.append(FieldError(.invalid, path + ".maxUnavailable", value: unavailable.goSyntax,
                                     detail: "may not be 0 when `maxSurge` is 0"))
        }
        if let percent = unavailable.validPercent, percent > 100 {
            errors.append(FieldError(.invalid, path + ".maxUnavailable", value: unavailable.goSyntax,
                                     detail: "must not be greater than 100%"))
        }
        return errors
    }
}

extension IntOrString {
    /// `ValidatePositiveIntOrPercent`: an integer ≥ 0 (rendered plainly) or a string matching `[0-9]+%`.
    func positiveIntOrPercentErrors(at path: String) -> [FieldError] {
        switch self {
        case .int(let value):
            return FieldError.nonNegative(value, at: path)
        case .string(let text):
            return NameRules.percent(text).map { FieldError(.invalid, path, value: goSyntax, detail: $0) }
        }
    }

    /// `getPercentValue`: the number of a well-formed percentage; digits past Int's range saturate as Atoi does.
    var validPercent: Int? {
        guard case .string(let text) = self, NameRules.isPercent(text) else { return nil }
        return Int(text.dropLast()) ?? Int.max
    }

    /// `getIntOrPercentValue`, which the "not both zero" rule compares.
    ///
    /// A well-formed percentage gives its number, an integer itself, and any other string whatever `Atoi`
    /// makes of it, 0 when it is not a number. So `"00%"`, `"0"` and `"abc"` all count as zero.
    var validationValue: Int {
        if let percent = validPercent { return percent }
        switch self {
        case .int(let value): return value
        case .string(let text): return Int(text) ?? 0
        }
    }
}

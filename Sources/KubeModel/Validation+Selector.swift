extension LabelSelector {
    /// `ValidateLabelSelector` with `AllowInvalidLabelValueInSelector: false`, as apps/v1 validates `spec.selector`.
    func validationErrors(at path: String) -> [FieldError] {
        var errors = MetadataRules.labels(matchLabels, at: path + ".matchLabels")
        for (index, requirement) in (matchExpressions ?? []).enumerated() {
            errors += requirement.validationErrors(at: "\(path).matchExpressions[\(index)]")
        }
        return errors
    }

    /// Whether `metav1.LabelSelectorAsSelector` would accept this selector.
    ///
    /// Conversion builds one `labels.Requirement` per entry and checks exactly what ``validationErrors(at:)``
    /// checks (operator, value count, key, values), so it fails precisely when validation reports something.
    var convertsToSelector: Bool { validationErrors(at: "").isEmpty }
}

extension LabelSelector.Requirement {
    /// `ValidateLabelSelectorRequirement`: operator and value count first, then the key, then each value.
    func validationErrors(at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let count = values?.count ?? 0
        switch self.operator {
        case "In", "NotIn":
            if count == 0 {
                errors.append(FieldError(.required, path + ".values",
                                         detail: "must be specified when `operator` is 'In' or 'NotIn'"))
            }
        case "Exists", "DoesNotExist":
            if count > 0 {
                errors.append(FieldError(.forbidden, path + ".values",
                                         detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
            }
        default:
            errors.append(FieldError(.invalid, path + ".operator", value: goQuoted(self.operator),
                                     detail: "not a valid selector operator"))
        }
        errors += MetadataRules.labelName(key, at: path + ".key")
        for (index, value) in (values ?? []).enumerated() {
            errors += FieldError.invalid(value, at: "\(path).values[\(index)]", NameRules.labelValue(value))
        }
        return errors
    }
}

extension LabelSelector {
    /// `apiequality.Semantic.DeepEqual` for selectors: a nil map or list equals an empty one, order matters.
    func semanticallyEquals(_ other: LabelSelector) -> Bool {
        guard (matchLabels ?? [:]) == (other.matchLabels ?? [:]) else { return false }
        let mine = matchExpressions ?? [], theirs = other.matchExpressions ?? []
        guard mine.count == theirs.count else { return false }
        return zip(mine, theirs).allSatisfy { lhs, rhs in
            lhs.key == rhs.key && lhs.operator == rhs.operator && (lhs.values ?? []) == (rhs.values ?? [])
        }
    }
}

extension JSONValue {
    /// The label selector at `key` of an object being validated; nil when unset (or not a selector's shape, which the
    /// decoder refused already).
    func labelSelector(_ key: String) -> LabelSelector? {
        guard let value = self[key], value != .null else { return nil }
        return try? LabelSelector(reading: value)
    }
}

using System.Text.RegularExpressions;

namespace PlatformFlow.Client.MappingSuggestions
{
    /// <summary>
    /// How a column's values go into a field: as they are, or through a calculated field in the platform's expression
    /// language (<c>format(date(DOB, "MM/dd/yyyy"), "yyyy-MM-dd")</c>, <c>to_float(replacestr(Amount, ",", ""))</c>,
    /// <c>replacestr(Phone, " ", "")</c>) that must then be checked on every sample row. Never text into a number, a date or
    /// an email field without one: without samples to check, such a pairing keeps a confidence below the default threshold.
    /// </summary>
    internal sealed class FieldConversion
    {
        /// <summary>A pairing that cannot be checked: suggested, but below the default threshold.</summary>
        public const double Unchecked = 0.7;

        private static readonly Regex Identifier = new Regex("^[A-Za-z_$][A-Za-z0-9_$]*$", RegexOptions.CultureInvariant);

        /// <summary>The expression language's reserved words: a column so named is written escaped, as another name would be.</summary>
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "new", "mod", "or", "break", "var", "lt", "for", "false", "while", "eq", "gt", "div", "not", "null", "continue", "else",
            "and", "ne", "true", "le", "if", "ge", "return", "_errors", "do", "function", "empty", "size",
        };

        private FieldConversion(string? expression, double factor, string note)
        {
            Expression = expression;
            Factor = factor;
            Note = note;
        }

        /// <summary>The calculated field (without <c>=</c>); null when the column goes in as it is.</summary>
        public string? Expression { get; }

        /// <summary>What the pairing's confidence is multiplied by (1 when the samples fit).</summary>
        public double Factor { get; }

        /// <summary>Why, in words; empty when there is nothing to say.</summary>
        public string Note { get; }

        /// <summary>How the column goes into the field; null when it cannot.</summary>
        public static FieldConversion? For(ColumnProfile column, TargetField field)
        {
            var samples = column.Samples;
            switch (field.Kind)
            {
                case FieldKind.Email: return ToEmail(column, samples);
                case FieldKind.Date: return ToDate(column, samples, dateOnly: true);
                case FieldKind.DateTime: return ToDate(column, samples, dateOnly: false);
                case FieldKind.Integer: return ToNumber(column, samples, "to_integer", SampleShapes.IsWholeNumber);
                case FieldKind.Number: return ToNumber(column, samples, "to_float", SampleShapes.IsNumber);
                case FieldKind.Boolean:
                    return column.Family == "boolean" || (samples.Count > 0 && samples.All(SampleShapes.IsBooleanText)) ? AsIs()
                        : column.Family == "string" && samples.Count == 0 ? new FieldConversion(null, Unchecked, "no sample rows to check the values are true or false")
                        : null;
                case FieldKind.Enumeration: return ToEnumeration(column, samples, field.Enumeration!);
                case FieldKind.Phone: return ToPhone(column, samples);
                default: return ToText(column, samples, field);
            }
        }

        private static FieldConversion AsIs(string note = "") => new FieldConversion(null, 1, note);

        private static FieldConversion Calculated(string expression, string note) => new FieldConversion(expression, 1, note);

        /// <summary>The column as the expression language names it: <c>Email</c>, or escaped, <c>${First Name}</c>, <c>${order\.id}</c>.</summary>
        private static string Field(ColumnProfile column) =>
            Identifier.IsMatch(column.Name) && !Reserved.Contains(column.Name) ? column.Name : "${" + column.Name.Replace(".", "\\.") + "}";

        private static FieldConversion? ToEmail(ColumnProfile column, IReadOnlyList<string> samples)
        {
            if (column.Family != "string")
            {
                return null;
            }

            if (samples.Count == 0)
            {
                return new FieldConversion(null, Unchecked, "no sample rows to check the values are email addresses");
            }

            if (samples.All(SampleShapes.IsEmail))
            {
                return AsIs("its samples are email addresses");
            }

            return samples.All(s => SampleShapes.IsEmail(s.Trim().ToLowerInvariant()))
                ? Calculated("lower(trim(" + Field(column) + "))", "its samples are email addresses once trimmed and in lower case")
                : null;
        }

        private static FieldConversion? ToDate(ColumnProfile column, IReadOnlyList<string> samples, bool dateOnly)
        {
            if (column.Family == "date" || (column.Family == "datetime" && !dateOnly))
            {
                return AsIs();
            }

            if (column.Family != "string")
            {
                return null;
            }

            if (samples.Count == 0)
            {
                return new FieldConversion(null, Unchecked, "no sample rows to check how the dates are written");
            }

            if (samples.All(dateOnly ? (Func<string, bool>)SampleShapes.IsIsoDate : SampleShapes.IsIsoDateTime))
            {
                return AsIs("its samples are ISO 8601 dates");
            }

            var pattern = SampleShapes.LocalDatePattern(samples, out var ambiguous);
            if (pattern is null || (dateOnly && pattern.IndexOf(':') >= 0))
            {
                return null;
            }

            var read = "date(" + Field(column) + ", \"" + pattern + "\")";
            return new FieldConversion(
                dateOnly ? "format(" + read + ", \"yyyy-MM-dd\")" : read,
                ambiguous ? 0.9 : 1,
                "its samples are dates written " + pattern + (ambiguous ? " (no day above 12 tells day and month apart)" : string.Empty));
        }

        private static FieldConversion? ToNumber(ColumnProfile column, IReadOnlyList<string> samples, string function, Func<string, bool> fits)
        {
            if (column.Family == "number")
            {
                return samples.All(fits) ? AsIs() : null;
            }

            if (column.Family != "string")
            {
                return null;
            }

            if (samples.Count == 0)
            {
                return new FieldConversion(null, Unchecked, "no sample rows to check the text holds numbers");
            }

            var decorations = SampleShapes.NumberDecorations.Where(d => samples.Any(s => s.Contains(d))).ToList();
            if (!samples.All(s => fits(SampleShapes.Undecorated(s, decorations))))
            {
                return null;
            }

            return Calculated(function + "(" + WithoutCharacters(Field(column), decorations) + ")", "its samples are numbers written as text" + (decorations.Count > 0 ? " with " + string.Join(" ", decorations.Select(d => "'" + d + "'")) : string.Empty));
        }

        private static FieldConversion? ToEnumeration(ColumnProfile column, IReadOnlyList<string> samples, IReadOnlyList<string> allowed)
        {
            var yesNo = allowed.Contains("y") && allowed.Contains("n");
            if (column.Family == "boolean")
            {
                return yesNo ? Calculated("iif(" + Field(column) + ", \"y\", \"n\")", "true and false as the platform's y and n") : null;
            }

            if (samples.Count == 0)
            {
                return column.Family == "string" ? new FieldConversion(null, 0.85, "no sample rows to check the values are among the field's " + allowed.Count) : null;
            }

            if (samples.All(allowed.Contains))
            {
                return AsIs("its samples are among the field's values");
            }

            // Each value as the one allowed value it abbreviates or spells differently (M → male, yes → y, TRUE → y).
            var decoded = new List<string>();
            foreach (var value in samples.Select(s => s.Trim().ToLowerInvariant()).Distinct())
            {
                var match = allowed.Where(a => a.StartsWith(value, StringComparison.OrdinalIgnoreCase)).ToList();
                var target = match.Count == 1 ? match[0]
                    : yesNo && (value == "true" || value == "yes" || value == "1") ? "y"
                    : yesNo && (value == "false" || value == "no" || value == "0") ? "n"
                    : null;
                if (target is null)
                {
                    return null;
                }

                decoded.Add("\"" + value + "\", \"" + target + "\"");
            }

            return Calculated("decode(lower(trim(" + Field(column) + ")), " + string.Join(", ", decoded) + ")", "its samples spell the field's values differently");
        }

        private static FieldConversion? ToPhone(ColumnProfile column, IReadOnlyList<string> samples)
        {
            var decorations = SampleShapes.PhoneDecorations.Where(d => samples.Any(s => s.Contains(d))).ToList();
            if (decorations.Count == 0)
            {
                return AsIs();
            }

            return Calculated(WithoutCharacters(Field(column), decorations), "its samples are phone numbers written with " + string.Join(" ", decorations.Select(d => "'" + d + "'")));
        }

        /// <summary>The column with each of the characters removed: <c>replacestr(replacestr(Phone, " ", ""), "-", "")</c>.</summary>
        private static string WithoutCharacters(string column, IEnumerable<string> characters) =>
            characters.Aggregate(column, (inner, c) => "replacestr(" + inner + ", \"" + c + "\", \"\")");

        private static FieldConversion? ToText(ColumnProfile column, IReadOnlyList<string> samples, TargetField field)
        {
            if (samples.All(s => SampleShapes.FitsText(field, s)))
            {
                return AsIs(field.Pattern != null && samples.Count > 0 ? "its samples have the field's form" : string.Empty);
            }

            return field.Pattern != null && samples.All(s => SampleShapes.FitsText(field, s.Trim().ToUpperInvariant()))
                ? Calculated("upper(trim(" + Field(column) + "))", "its samples have the field's form once in upper case")
                : null;
        }
    }
}

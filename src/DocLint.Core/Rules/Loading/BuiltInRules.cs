using DocLint.Core.Text;

namespace DocLint.Core.Rules.Loading;

/// <summary>
/// The built-in rule packs, precompiled: <c>BuiltInRules.g.cs</c> builds the <see cref="RuleDefinition"/> each file of
/// <c>rules/</c> parses to, so a run parses no YAML for them (parsing them was about a fifth of a one-article run). A
/// test (BuiltInRulesTests) generates the file from the YAML and fails when the two differ, rule by rule.
/// </summary>
internal static partial class BuiltInRules
{
    private static RuleLocation L(string path, int line, int character, int offset) => new(path, new LinePosition(line, character), offset);
}

using DocLint.Cli.Tests;
using DocLint.Testing;

namespace DocLint.Vale.Tests;

/// <summary>
/// The write-good, proselint and alex packages' own test suites (features/rules.feature): each scenario runs
/// `doclint check --format line` in its fixture folder, as the suite runs `vale --output=line --sort
/// --relative .`, and compares the lines with Vale's. The packages and fixtures are copied under Packages/
/// with their licences.
/// </summary>
public sealed class FeatureSuiteTests
{
    public static string Packages => Path.Combine(RepoPaths.Root, "tests", "DocLint.Vale.Tests", "Packages");

    /// <summary>One scenario: its package, name, fixture folder and Vale's expected lines.</summary>
    public sealed record Scenario(string Package, string Name, string Fixture, IReadOnlyList<string> Expected)
    {
        public override string ToString() => $"{Package}: {Name}";
    }

    /// <summary>Reads a feature file: `Scenario:` names, `When I test "X"` fixtures, and the lines between the """ marks.</summary>
    public static IReadOnlyList<Scenario> Read(string package)
    {
        var lines = File.ReadAllLines(Path.Combine(Packages, package, "features", "rules.feature"));
        var scenarios = new List<Scenario>();
        string? name = null;
        string? fixture = null;
        List<string>? expected = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("Scenario:", StringComparison.Ordinal))
            {
                name = line["Scenario:".Length..].Trim();
            }
            else if (line.StartsWith("When I test \"", StringComparison.Ordinal))
            {
                fixture = line["When I test \"".Length..].TrimEnd('"');
            }
            else if (line == "\"\"\"")
            {
                if (expected is null)
                {
                    expected = [];
                }
                else
                {
                    scenarios.Add(new Scenario(package, name!, fixture!, expected));
                    expected = null;
                }
            }
            else if (expected is not null && line.Length > 0)
            {
                expected.Add(line);
            }
        }

        return scenarios;
    }

    public static IReadOnlyList<Scenario> All { get; } = [.. new[] { "write-good", "proselint", "alex" }.SelectMany(Read)];

    public static TheoryData<string> ScenarioNames => [.. All.Select(s => s.ToString())];

    /// <summary>What DocLint prints for a scenario, one finding a line.</summary>
    public static IReadOnlyList<string> Run(Scenario scenario)
    {
        var folder = Path.Combine(Packages, scenario.Package, "fixtures", scenario.Fixture);
        var result = CliRunner.Run(folder, "check", "--format", "line", "--relative-paths", ".");
        result.ExitCode.Should().BeOneOf([0, 1], result.Error);
        return [.. result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>
    /// Scenarios whose expected lines were written for an older version of the package's rules than the one
    /// shipped beside them: alex's fixture expects a rule alex.Profanity (now ProfanityLikely, ProfanityMaybe and
    /// ProfanityUnlikely, with other messages) and no alex.OCD; write-good's Weasel expects no finding for
    /// "fairly", which Weasel.yml lists. Here DocLint's lines are held to what the rules as shipped say.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> OutOfDate { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["alex: Basic test case"] =
        [
            "fail.md:3:21:alex.ProfanityLikely:Don't use 'fucking', it's profane.",
            "fail.md:6:13:alex.ProfanityMaybe:Reconsider using 'damn', it may be profane.",
            "fail.md:6:18:alex.ProfanityMaybe:Reconsider using 'sexy', it may be profane.",
            "fail.md:8:210:alex.ProfanityUnlikely:Be careful with 'dead', it's profane in some cases.",
            "fail.md:15:8:alex.OCD:When referring to a person, consider using 'has an anxiety disorder', 'obsessive', 'pedantic', 'niggly', or 'picky' instead of 'o.c.d.'.",
            "fail.md:15:23:alex.OCD:When referring to a person, consider using 'has an anxiety disorder', 'obsessive', 'pedantic', 'niggly', or 'picky' instead of 'OCD'.",
        ],
        ["write-good: Weasel words"] =
        [
            "test.md:3:9:write-good.Weasel:'very' is a weasel word!",
            "test.md:5:23:write-good.Weasel:'fairly' is a weasel word!",
        ],
    };

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Scenario_prints_what_vale_prints(string name)
    {
        var scenario = All.Single(s => s.ToString() == name);
        var actual = Run(scenario);
        if (OutOfDate.TryGetValue(name, out var shipped))
        {
            actual.Should().Equal(shipped);
            actual.Should().NotEqual(scenario.Expected, "the fixture's lines are out of date for this scenario");
        }
        else
        {
            actual.Should().Equal(scenario.Expected);
        }
    }

    [Fact]
    public void The_three_suites_have_their_scenarios()
    {
        All.Should().HaveCount(11);
        All.Count(s => s.Package == "write-good").Should().Be(8);
        All.Count(s => s.Package == "proselint").Should().Be(2);
        All.Count(s => s.Package == "alex").Should().Be(1);
    }
}

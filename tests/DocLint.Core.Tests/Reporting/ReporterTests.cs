using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using DocLint.Core.Diagnostics;
using DocLint.Core.Reporting;
using DocLint.Core.Reporting.GitHub;
using DocLint.Core.Reporting.Sarif;
using DocLint.Core.Reporting.Text;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Reporting;

public class ReporterTests
{
    private static readonly DiagnosticDescriptor Rule = new("DL3001", "loaded-term", "Loaded term", "Tone", DiagnosticSeverity.Warning, "{0}", "Why.");

    private static Diagnostic Finding(int line, int start, int end, string message = "m", bool suppressed = false, int endLine = -1) => new()
    {
        Descriptor = Rule,
        Severity = DiagnosticSeverity.Warning,
        Message = message,
        Path = "/r/a.txt",
        Span = new TextSpan(start, end - start),
        LineSpan = new LinePositionSpan(new LinePosition(line, start), new LinePosition(endLine < 0 ? line : endLine, end)),
        Snippet = "x",
        IsSuppressed = suppressed,
    };

    private static Report ReportOf(params Diagnostic[] diagnostics) => new()
    {
        Diagnostics = [.. diagnostics],
        Rules = [Rule],
        Root = "/r",
    };

    private static JsonElement SarifRun(Report report, SarifLimits? limits = null)
    {
        var writer = new StringWriter();
        SarifReporter.Write(writer, report, limits);
        return JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("runs")[0].Clone();
    }

    [Fact]
    public void When_any_result_is_suppressed_every_result_has_a_suppressions_array()
    {
        var run = SarifRun(ReportOf(Finding(0, 0, 1), Finding(1, 0, 1, suppressed: true)));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        results[0].GetProperty("suppressions").GetArrayLength().Should().Be(0);
        results[1].GetProperty("suppressions")[0].GetProperty("kind").GetString().Should().Be("inSource");
    }

    [Fact]
    public void Without_suppressions_no_result_has_the_array()
    {
        var run = SarifRun(ReportOf(Finding(0, 0, 1)));

        run.GetProperty("results")[0].TryGetProperty("suppressions", out _).Should().BeFalse();
    }

    [Fact]
    public void Results_beyond_the_limit_are_cut_least_severe_first_and_the_kept_stay_in_path_order()
    {
        var report = ReportOf(
            Finding(0, 0, 1) with { Severity = DiagnosticSeverity.Suggestion, Message = "first" },
            Finding(1, 0, 1) with { Message = "second" },
            Finding(2, 0, 1) with { Severity = DiagnosticSeverity.Error, Message = "third" });

        var run = SarifRun(report, new SarifLimits(2, 1024));

        run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("message").GetProperty("text").GetString()).Should().Equal("second", "third");
        run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString()
            .Should().Be("Results were truncated: 2 of 3 were written (the most severe first), the most a code-scanning run accepts (2).");
        var log = new SarifLogWriter(new SarifOptions { Limits = new SarifLimits(2, 1024) });
        log.Add(report);
        log.Runs(report).Single().Should().Match<SarifRun>(r => r.Results == 2 && r.Truncated == 1);
    }

    [Fact]
    public void The_cut_keeps_what_a_stable_sort_by_severity_would_keep_in_path_order()
    {
        // Any mix of severities and suppressions and any limit: the kept results are the first `limit` of a stable sort,
        // most severe first, written back in path order; they carry suppressions arrays when one of them is suppressed.
        Gen.Select(Gen.Select(Gen.Int[2, 4], Gen.Int[0, 9]).Array[0, 40], Gen.Int[1, 45]).Sample((findings, limit) =>
        {
            var diagnostics = findings.Select((f, i) => Finding(i, 0, 1, message: $"f{i}", suppressed: f.Item2 == 0) with { Severity = (DiagnosticSeverity)f.Item1 }).ToArray();
            var kept = diagnostics.Select((d, i) => (d, i)).OrderByDescending(p => p.d.Severity).ThenBy(p => p.i).Take(limit)
                .OrderBy(p => p.i).Select(p => p.d).ToList();

            var run = SarifRun(ReportOf(diagnostics), new SarifLimits(limit, 1024));

            var results = run.GetProperty("results").EnumerateArray().ToList();
            results.Select(r => r.GetProperty("message").GetProperty("text").GetString()).Should().Equal(kept.Select(d => d.Message));
            results.Select(r => r.TryGetProperty("suppressions", out var s) ? s.GetArrayLength() : -1)
                .Should().Equal(kept.Select(d => !kept.Any(k => k.IsSuppressed) ? -1 : d.IsSuppressed ? 1 : 0));
            var truncated = run.GetProperty("invocations")[0].TryGetProperty("toolExecutionNotifications", out var notes) ? notes.GetArrayLength() : 0;
            truncated.Should().Be(diagnostics.Length > limit ? 1 : 0);
        });
    }

    [Fact]
    public void A_log_written_file_by_file_is_the_log_written_at_once()
    {
        // Findings over a few folders, with DocLint's own problems among them, fed in path order one file at a time or
        // all at once: the same bytes, split by folder or not, capped or not, suppressed results left out or not.
        var engine = new DiagnosticDescriptor("DL0002", "file-unreadable", "File unreadable", "Engine", DiagnosticSeverity.Error, "{0}", "");
        var paths = new[] { "/r/a.txt", "/r/news/b.txt", "/r/news/c/d.txt", "/r/opinion/e.txt", "/r/z.txt" };
        var finding = Gen.Select(Gen.Int[0, paths.Length - 1], Gen.Int[1, 4], Gen.Int[0, 5], Gen.Int[0, 12]);
        Gen.Select(finding.Array[0, 30], Gen.Int[1, 8], Gen.Bool, Gen.Bool).Sample((picked, limit, split, omit) =>
        {
            Diagnostic Make((int File, int Severity, int Suppressed, int Engine) f, int i) => f.Engine == 0
                ? Finding(i, 0, 1, message: $"f{i}") with { Descriptor = engine, Severity = DiagnosticSeverity.Error, Path = paths[f.File] }
                : Finding(i, 0, 1, message: $"f{i} \"ü\"", suppressed: f.Suppressed == 0) with { Severity = (DiagnosticSeverity)f.Severity, Path = paths[f.File] };
            var diagnostics = picked.Select(Make).OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
            var report = ReportOf([.. diagnostics]) with { Category = "house/" };
            var options = new SarifOptions { Limits = new SarifLimits(limit, 1024), SplitByFolder = split, OmitSuppressed = omit };

            var whole = new StringWriter();
            SarifReporter.Write(whole, report, options);
            var log = new SarifLogWriter(options);
            foreach (var file in diagnostics.GroupBy(d => d.Path))
            {
                log.Add(report with { Diagnostics = [.. file] });
            }

            var parts = new StringWriter();
            log.Write(parts, report, log.Runs(report));
            log.Release();

            parts.ToString().Should().Be(whole.ToString());
            JsonDocument.Parse(whole.ToString()).RootElement.GetProperty("runs").GetArrayLength().Should().BeGreaterThan(0);
        });
    }

    [Fact]
    public void Json_written_file_by_file_is_json_written_at_once()
    {
        var report = ReportOf(Finding(0, 0, 1), Finding(1, 0, 1, suppressed: true) with { Path = "/r/b.txt" }, Finding(2, 0, 1) with { Path = "/r/c.txt", Severity = DiagnosticSeverity.Error }) with { FileCount = 3 };
        var whole = new StringWriter();
        Core.Reporting.Json.JsonReporter.Write(whole, report);

        var parts = new StringWriter();
        var json = new Core.Reporting.Json.JsonReporter.JsonReportWriter(parts);
        foreach (var file in report.Diagnostics.GroupBy(d => d.Path))
        {
            json.Add(report with { Diagnostics = [.. file] });
        }

        json.Complete(report);

        parts.ToString().Should().Be(whole.ToString());
        var summary = JsonDocument.Parse(whole.ToString()).RootElement.GetProperty("summary");
        (summary.GetProperty("files").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("suppressed").GetInt32())
            .Should().Be((3, 1, 1, 1));
    }

    [Fact]
    public void Split_by_folder_gives_a_run_per_top_level_folder_with_its_own_category()
    {
        var report = ReportOf(
            Finding(0, 0, 1) with { Path = "/r/news/a.txt" },
            Finding(1, 0, 1) with { Path = "/r/news/deep/b.txt" },
            Finding(2, 0, 1) with { Path = "/r/opinion/c.txt" },
            Finding(3, 0, 1) with { Path = "/r/top.txt" }) with
        { Category = "house/" };
        var writer = new StringWriter();

        SarifReporter.Write(writer, report, new SarifOptions { SplitByFolder = true });

        var runs = JsonDocument.Parse(writer.ToString()).RootElement.GetProperty("runs").EnumerateArray().ToList();
        runs.Select(r => (r.GetProperty("automationDetails").GetProperty("id").GetString(), r.GetProperty("results").GetArrayLength()))
            .Should().Equal(("house/./", 1), ("house/news/", 2), ("house/opinion/", 1));
        runs.Should().OnlyContain(r => r.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength() == 1);
    }

    [Fact]
    public void Suppressed_results_can_be_left_out_of_the_upload()
    {
        var report = ReportOf(Finding(0, 0, 1), Finding(1, 0, 1, suppressed: true));

        string Written(SarifOptions options)
        {
            var writer = new StringWriter();
            SarifReporter.Write(writer, report, options);
            return writer.ToString();
        }

        JsonDocument.Parse(Written(new SarifOptions())).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().Should().Be(2);
        var kept = JsonDocument.Parse(Written(new SarifOptions { OmitSuppressed = true })).RootElement.GetProperty("runs")[0].GetProperty("results");
        kept.GetArrayLength().Should().Be(1);
        kept[0].TryGetProperty("suppressions", out _).Should().BeFalse();
    }

    [Fact]
    public void Long_descriptions_are_cut_to_the_limit()
    {
        var report = ReportOf(Finding(0, 0, 1)) with { Rules = [Rule with { Description = new string('w', 2000) }] };

        var text = SarifRun(report).GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("fullDescription").GetProperty("text").GetString();

        text!.Length.Should().Be(1024);
        text.Should().EndWith("…");
    }

    [Fact]
    public void Paths_outside_the_root_are_absolute_file_uris_and_inside_are_escaped()
    {
        var outside = Finding(0, 0, 1) with { Path = "/elsewhere/b c.txt" };
        var inside = Finding(0, 0, 1) with { Path = "/r/sub/a b#1.txt" };

        var results = SarifRun(ReportOf(outside, inside)).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetRawText().ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal))
            .ToList();

        results.Should().Equal("{\"uri\":\"file:///elsewhere/b%20c.txt\"}", "{\"uri\":\"sub/a%20b%231.txt\",\"uriBaseId\":\"%SRCROOT%\"}");
    }

    [Fact]
    public void GitHub_commands_escape_data_and_properties_as_documented()
    {
        var d = Finding(4, 2, 9, message: "100% sure,\r\nreally: yes") with { Descriptor = Rule with { Title = "Loaded: term, really" } };

        var line = GitHubReporter.Format(d, "dir/a,b:c.txt");

        line.Should().Be("::warning file=dir/a%2Cb%3Ac.txt,line=5,endLine=5,col=3,endColumn=10,title=DL3001 Loaded%3A term%2C really::100%25 sure,%0D%0Areally: yes");
        // The documented syntax: ::command key=value,key=value::message, with no raw line breaks.
        Regex.IsMatch(line, @"^::(error|warning|notice) (?:[a-zA-Z]+=[^,:\r\n]*)(?:,[a-zA-Z]+=[^,:\r\n]*)*::[^\r\n]*$").Should().BeTrue();
    }

    [Fact]
    public void GitHub_columns_only_when_the_finding_is_on_one_line()
    {
        GitHubReporter.Format(Finding(1, 3, 9, endLine: 2), "a.txt").Should().Be("::warning file=a.txt,line=2,endLine=3,title=DL3001 Loaded term::m");
    }

    [Theory]
    [InlineData("They slammed it.", 5, 12, "They slammed it.", "     ^^^^^^^")]
    [InlineData("\tTab slammed", 5, 12, "    Tab slammed", "        ^^^^^^^")]
    [InlineData("日本 slammed", 3, 10, "日本 slammed", "     ^^^^^^^")]
    [InlineData("😀 slammed", 3, 10, "😀 slammed", "   ^^^^^^^")]
    [InlineData("Empty here", 5, 5, "Empty here", "     ^")]
    public void Underlines_line_up_in_display_columns(string line, int start, int end, string text, string underline) =>
        PrettyReporter.Render(line, start, end).Should().Be((text, underline));

    [Fact]
    public void Long_lines_are_cut_to_a_window_around_the_span()
    {
        var line = new string('a', 200) + " slammed " + new string('b', 200);

        var (text, underline) = PrettyReporter.Render(line, 201, 208);

        text.Should().StartWith("…").And.EndWith("…");
        text.Length.Should().BeLessThan(110);
        text.Substring(underline.IndexOf('^', StringComparison.Ordinal), 7).Should().Be("slammed");
    }

    [Fact]
    public void Json_has_a_version_and_one_object_per_diagnostic()
    {
        var writer = new StringWriter();
        Core.Reporting.Json.JsonReporter.Write(writer, ReportOf(Finding(0, 0, 1), Finding(1, 2, 4, suppressed: true)));

        using var json = JsonDocument.Parse(writer.ToString());
        json.RootElement.GetProperty("version").GetInt32().Should().Be(1);
        var first = json.RootElement.GetProperty("diagnostics")[1];
        (first.GetProperty("span").GetProperty("startLine").GetInt32(), first.GetProperty("offset").GetProperty("start").GetInt32(), first.GetProperty("suppressed").GetBoolean())
            .Should().Be((2, 2, true));
        json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("summary").GetProperty("warnings").GetInt32().Should().Be(1);
    }

    [Fact]
    public void Fingerprints_survive_edits_elsewhere_and_number_repeats()
    {
        var a = DiagnosticFingerprint.Compute("DL3001", "slammed", "Washington slammed Russia.");
        var b = DiagnosticFingerprint.Compute("DL3001", "Slammed", "Washington  slammed\nRussia.");
        var other = DiagnosticFingerprint.Compute("DL3001", "slammed", "Moscow slammed Washington.");

        a.Should().Be(b).And.NotBe(other).And.MatchRegex("^[0-9a-f]{32}$");
        var numbered = DiagnosticFingerprint.NumberOccurrences([Finding(0, 0, 1) with { Fingerprint = a }, Finding(3, 0, 1) with { Fingerprint = a }]);
        numbered.Select(d => d.Fingerprint).Should().Equal($"{a}:1", $"{a}:2");
    }

    [Fact]
    public void Pascal_names_and_levels()
    {
        SarifReporter.PascalName("loaded-term").Should().Be("LoadedTerm");
        new[] { DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Suggestion, DiagnosticSeverity.Silent }
            .Select(SarifReporter.Level).Should().Equal("error", "warning", "note", "none");
    }
}

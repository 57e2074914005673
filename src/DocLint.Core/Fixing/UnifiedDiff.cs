using System.Globalization;
using System.Text;

namespace DocLint.Core.Fixing;

/// <summary>A unified diff of a fix, one hunk per changed line (fixes never add or remove lines).</summary>
public static class UnifiedDiff
{
    public static string Format(string displayPath, string oldText, string newText)
    {
        var oldLines = oldText.Split('\n');
        var newLines = newText.Split('\n');
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"--- a/{displayPath}\n+++ b/{displayPath}\n");
        for (var i = 0; i < Math.Min(oldLines.Length, newLines.Length); i++)
        {
            if (oldLines[i] != newLines[i])
            {
                text.Append(CultureInfo.InvariantCulture, $"@@ -{i + 1} +{i + 1} @@\n-{oldLines[i].TrimEnd('\r')}\n+{newLines[i].TrimEnd('\r')}\n");
            }
        }

        return text.ToString();
    }
}

namespace DocLint.Core.Rules.Kinds;

/// <summary>Gives a replacement the case pattern of the text it replaces.</summary>
public static class CasePreserver
{
    public static string Apply(ReadOnlySpan<char> original, string replacement)
    {
        if (replacement.Length == 0 || original.IsEmpty)
        {
            return replacement;
        }

        var letters = 0;
        var upper = 0;
        foreach (var c in original)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        if (letters > 1 && upper == letters)
        {
            return replacement.ToUpperInvariant();
        }

        var first = 0;
        while (first < original.Length && !char.IsLetter(original[first]))
        {
            first++;
        }

        if (first < original.Length && char.IsUpper(original[first]) && char.IsLower(replacement[0]))
        {
            return char.ToUpperInvariant(replacement[0]) + replacement[1..];
        }

        return replacement;
    }
}

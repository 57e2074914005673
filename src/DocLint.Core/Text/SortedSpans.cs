using System.Collections.Immutable;

namespace DocLint.Core.Text;

/// <summary>Binary searches over spans sorted by start that do not overlap each other.</summary>
public static class SortedSpans
{
    /// <summary>The index of the span that contains <paramref name="position"/>, or -1.</summary>
    public static int IndexContaining(ImmutableArray<TextSpan> spans, int position)
    {
        int lo = 0, hi = spans.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var span = spans[mid];
            if (position < span.Start)
            {
                hi = mid - 1;
            }
            else if (position >= span.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The index of the span that wholly contains <paramref name="span"/>, or -1.</summary>
    public static int IndexContaining(ImmutableArray<TextSpan> spans, TextSpan span)
    {
        var index = IndexContaining(spans, span.Start);
        return index >= 0 && spans[index].Contains(span) ? index : -1;
    }

    /// <summary>How many spans start before <paramref name="position"/>.</summary>
    public static int CountBefore(ImmutableArray<TextSpan> spans, int position)
    {
        int lo = 0, hi = spans.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (spans[mid].Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The index of the first span that ends after <paramref name="position"/> (<c>spans.Length</c> when none does).</summary>
    public static int FirstEndingAfter(ImmutableArray<TextSpan> spans, int position)
    {
        int lo = 0, hi = spans.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (spans[mid].End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>True when any span shares a character with <paramref name="span"/>.</summary>
    public static bool AnyOverlap(ImmutableArray<TextSpan> spans, TextSpan span)
    {
        var first = FirstEndingAfter(spans, span.Start);
        return first < spans.Length && spans[first].Start < Math.Max(span.End, span.Start + 1);
    }
}

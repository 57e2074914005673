using System.Collections.Immutable;
using System.Runtime.InteropServices;

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
    public static int CountBefore(ImmutableArray<TextSpan> spans, int position) =>
        FirstAtOrAfter(spans.AsSpan(), position, static s => s.Start);

    /// <summary>The index of the first span that ends after <paramref name="position"/> (<c>spans.Length</c> when none does).</summary>
    public static int FirstEndingAfter(ImmutableArray<TextSpan> spans, int position) =>
        FirstAtOrAfter(spans.AsSpan(), position + 1, static s => s.End);

    /// <summary>
    /// The index of the first item whose <paramref name="key"/> is at least <paramref name="position"/>
    /// (<c>items.Length</c> when none is), for items in ascending order of that key: spans by start or end,
    /// blocks by their span, attributions by their cue.
    /// </summary>
    public static int FirstAtOrAfter<T>(ReadOnlySpan<T> items, int position, Func<T, int> key)
    {
        int lo = 0, hi = items.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (key(items[mid]) < position)
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

    /// <summary>The spans merged where they overlap or touch: sorted, disjoint spans.</summary>
    /// <remarks>
    /// Sorted in place by start only when not in order already (they mostly come in order). Spans with equal
    /// starts may come in any order: the first of them starts a merged span or joins one, and the others join it.
    /// </remarks>
    public static ImmutableArray<TextSpan> Merge(IEnumerable<TextSpan> spans)
    {
        TextSpan[] sorted = [.. spans];
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].Start)
            {
                Array.Sort(sorted, static (a, b) => a.Start.CompareTo(b.Start));
                break;
            }
        }

        var count = 0;
        foreach (var span in sorted)
        {
            if (count > 0 && span.Start <= sorted[count - 1].End)
            {
                sorted[count - 1] = TextSpan.FromBounds(sorted[count - 1].Start, Math.Max(sorted[count - 1].End, span.End));
            }
            else
            {
                sorted[count++] = span;
            }
        }

        return count == sorted.Length ? ImmutableCollectionsMarshal.AsImmutableArray(sorted) : ImmutableArray.Create(sorted, 0, count);
    }

    /// <summary>
    /// The units (sentences, paragraphs) that hold any of <paramref name="spans"/>, with the
    /// <paramref name="reach"/> units either side of them: sorted and each once. Where a rule looks for
    /// words or exceptions only around its candidates, not over the whole document.
    /// </summary>
    public static ImmutableArray<TextSpan> UnitsAround(ImmutableArray<TextSpan> units, IEnumerable<TextSpan> spans, int reach = 0)
    {
        // One array, sorted in place only when it is not sorted already (candidates mostly come in order);
        // equal starts may come in any order, since each unit is added once and in order either way.
        TextSpan[] sorted = [.. spans];
        if (sorted.Length == 0 || units.IsEmpty)
        {
            return [];
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].Start)
            {
                Array.Sort(sorted, static (a, b) => a.Start.CompareTo(b.Start));
                break;
            }
        }

        var around = ImmutableArray.CreateBuilder<TextSpan>((int)Math.Min(units.Length, (long)sorted.Length * (1 + (2L * reach))));
        var next = 0;
        foreach (var span in sorted)
        {
            var first = FirstEndingAfter(units, span.Start);
            var last = Math.Max(first, CountBefore(units, span.End) - 1);
            for (var u = Math.Max(next, first - reach); u < units.Length && u <= last + reach; u++)
            {
                around.Add(units[u]);
                next = u + 1;
            }
        }

        return around.DrainToImmutable();
    }
}

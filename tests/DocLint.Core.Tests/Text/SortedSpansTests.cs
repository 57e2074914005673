using CsCheck;
using DocLint.Core.Text;

namespace DocLint.Core.Tests.Text;

public class SortedSpansTests
{
    // Five sentences: [0,10) [10,20) [20,30) [30,40) [40,50).
    private static readonly System.Collections.Immutable.ImmutableArray<TextSpan> Units =
        [new(0, 10), new(10, 10), new(20, 10), new(30, 10), new(40, 10)];

    [Fact]
    public void Units_around_spans_are_sorted_and_each_once_whatever_order_the_spans_come_in()
    {
        TextSpan[] spans = [new(42, 3), new(12, 2), new(15, 1), new(12, 10)];

        SortedSpans.UnitsAround(Units, spans).Should().Equal(new TextSpan(10, 10), new TextSpan(20, 10), new TextSpan(40, 10));
        SortedSpans.UnitsAround(Units, spans.Reverse()).Should().Equal(new TextSpan(10, 10), new TextSpan(20, 10), new TextSpan(40, 10));
    }

    [Fact]
    public void Reach_adds_the_units_either_side_within_the_text()
    {
        SortedSpans.UnitsAround(Units, [new TextSpan(45, 1), new TextSpan(2, 1)], reach: 1)
            .Should().Equal(new TextSpan(0, 10), new TextSpan(10, 10), new TextSpan(30, 10), new TextSpan(40, 10));
        SortedSpans.UnitsAround(Units, [new TextSpan(25, 1)], reach: 100).Should().Equal(Units);
        SortedSpans.UnitsAround(Units, []).Should().BeEmpty();
    }

    [Fact]
    public void Merged_spans_are_those_of_a_stable_sort_and_a_merge_whatever_order_they_come_in()
    {
        var spans = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 8], (start, length) => new TextSpan(start, length)).Array[0, 12];
        spans.Sample(given =>
        {
            var expected = new List<TextSpan>();
            foreach (var span in given.OrderBy(s => s.Start))
            {
                if (expected.Count > 0 && span.Start <= expected[^1].End)
                {
                    expected[^1] = TextSpan.FromBounds(expected[^1].Start, Math.Max(expected[^1].End, span.End));
                }
                else
                {
                    expected.Add(span);
                }
            }

            SortedSpans.Merge(given).Should().Equal(expected, string.Join(" ", given));
        }, iter: 2000);
    }

    [Fact]
    public void Merging_joins_spans_that_overlap_or_touch()
    {
        SortedSpans.Merge([new(10, 5), new(0, 3), new(3, 2), new(12, 10), new(30, 0)])
            .Should().Equal(new TextSpan(0, 5), new TextSpan(10, 12), new TextSpan(30, 0));
        SortedSpans.Merge([]).Should().BeEmpty();
    }
}

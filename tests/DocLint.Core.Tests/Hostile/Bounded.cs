namespace DocLint.Core.Tests.Hostile;

/// <summary>
/// Runs work that must end: a hostile input that made it run away (a hang, a quadratic path, a stack
/// overflow's thread) fails the test instead of stalling the suite. The bound is generous (it detects
/// runaways, it is not a speed target: docs/benchmarks.md has the timings). The slowest of this work takes about
/// 2 s on an idle machine; the bound leaves room for a CI runner many times over its cores, and a runaway on this
/// input (a quadratic path over hundreds of thousands of elements) would take hours.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    public static T Run<T>(Func<T> work, TimeSpan? bound = null)
    {
        T result = default!;
        Exception? failure = null;
        // A thread of its own with a large stack: a recursive parser on deep input must fail for its depth, not ours.
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 16 << 20)
        { IsBackground = true };
        thread.Start();
        thread.Join(bound ?? Generous).Should().BeTrue($"the work should end within {(bound ?? Generous).TotalSeconds} s");
        if (failure is not null)
        {
            throw new InvalidOperationException("the work threw", failure);
        }

        return result;
    }
}

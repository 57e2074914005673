using System.Collections.Immutable;
using System.Runtime.ExceptionServices;

namespace DocLint.Core.Rules.Loading;

/// <summary>
/// The built-in packs compiled on a thread of their own, started before a process knows it needs them (a command
/// line that will lint with them, before the command line and configuration are read): a one-article run spends
/// most of its own time compiling them and loading the attribution layer's word lists, and on a second core the two
/// overlap. The next <see cref="RuleSetBuilder.AddEmbeddedDefaults"/> in the process takes the compilation and waits
/// for it; later builders compile their own. A process whose configuration turns the packs off stops it (<see cref="Discard"/>).
/// </summary>
internal sealed class CompiledAhead
{
    private static CompiledAhead? _pending;

    private readonly Thread _thread;
    private ImmutableArray<RuleDefinition> _definitions = [];
    private (CompiledRule? Rule, IReadOnlyList<RuleLoadError> Errors)[] _results = [];
    private RuleSet? _ruleSet;
    private ExceptionDispatchInfo? _failure;
    private volatile bool _discarded;

    internal CompiledAhead()
    {
        _thread = new Thread(static state => ((CompiledAhead)state!).Compile()) { IsBackground = true, Name = "doclint-rules" };
    }

    /// <summary>True when a compilation started ahead waits to be taken.</summary>
    public static bool IsPending => Volatile.Read(ref _pending) is not null;

    /// <summary>Starts the compilation, unless there is one core only or one already waits to be taken.</summary>
    public static void Start()
    {
        if (Environment.ProcessorCount < 2 || IsPending)
        {
            return;
        }

        var ahead = new CompiledAhead();
        if (Interlocked.CompareExchange(ref _pending, ahead, null) is not null)
        {
            return;
        }

        try
        {
            ahead.Begin();
        }
        catch (Exception ex) when (ex is OutOfMemoryException or ThreadStartException)
        {
            // No thread: the run compiles the packs itself, as it would on one core.
            Interlocked.CompareExchange(ref _pending, null, ahead);
        }
    }

    /// <summary>The compilation waiting to be taken, if any, now the caller's alone.</summary>
    public static CompiledAhead? Take() => Interlocked.Exchange(ref _pending, null);

    /// <summary>
    /// Drops the compilation waiting to be taken, for a run that turns out not to load the packs (its configuration
    /// turns them off): it stops at the next rule, and what it made is let go.
    /// </summary>
    public static void Discard()
    {
        if (Take() is { } ahead)
        {
            ahead._discarded = true;
        }
    }

    internal void Begin() => _thread.Start(this);

    /// <summary>The built-in definitions (<see cref="BuiltInRules.Definitions"/>), made on the thread; waits for it to finish.</summary>
    public ImmutableArray<RuleDefinition> Definitions
    {
        get
        {
            Wait();
            return _definitions;
        }
    }

    /// <summary>What compiling <see cref="Definitions"/>[<paramref name="index"/>] gave.</summary>
    public (CompiledRule? Rule, IReadOnlyList<RuleLoadError> Errors) ResultOf(int index)
    {
        Wait();
        return _results[index];
    }

    /// <summary>What compiling <paramref name="definition"/> gave, when it is one of <see cref="Definitions"/> (the same object); else null.</summary>
    public (CompiledRule? Rule, IReadOnlyList<RuleLoadError> Errors)? ResultFor(RuleDefinition definition)
    {
        var index = Definitions.IndexOf(definition, ReferenceEqualityComparer.Instance);
        return index >= 0 ? _results[index] : null;
    }

    /// <summary>
    /// The rule set of exactly the rules compiled here, built on the thread too (its term table is a good part of the
    /// work), when <paramref name="rules"/> are those rules in their order; null for any other list.
    /// </summary>
    public RuleSet? RuleSetOf(IReadOnlyList<CompiledRule> rules)
    {
        Wait();
        if (_ruleSet is null || rules.Count != _results.Length)
        {
            return null;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (!ReferenceEquals(rules[i], _results[i].Rule))
            {
                return null;
            }
        }

        return _ruleSet;
    }

    private void Wait()
    {
        _thread.Join();
        _failure?.Throw();
    }

    private void Compile()
    {
        try
        {
            _definitions = BuiltInRules.Definitions();
            var results = new (CompiledRule? Rule, IReadOnlyList<RuleLoadError> Errors)[_definitions.Length];
            for (var i = 0; i < results.Length; i++)
            {
                if (_discarded)
                {
                    return;
                }

                results[i] = RuleCompiler.Compile(_definitions[i]);
            }

            _results = results;
            if (_results.All(r => r.Rule is not null))
            {
                _ruleSet = new RuleSet(_results.Select(r => r.Rule!));
            }
        }
        catch (Exception ex)
        {
            _failure = ExceptionDispatchInfo.Capture(ex);
        }
    }
}

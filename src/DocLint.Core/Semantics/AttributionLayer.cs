namespace DocLint.Core.Semantics;

/// <summary>The attribution layer as a whole, for what a run does before its first document.</summary>
public static class AttributionLayer
{
    /// <summary>
    /// Starts loading the layer's word lists (the lexicon and every token class) on a thread of their own, and
    /// returns at once. A run whose rules read attributions calls it before it compiles them: on a second core the
    /// load (a few milliseconds, about a fifth of a one-article run) overlaps the rules' compilation instead of
    /// waiting for the first document. A document that needs the lists first waits for them; nothing is loaded twice.
    /// </summary>
    public static void PrepareInBackground()
    {
        if (Environment.ProcessorCount < 2)
        {
            return;
        }

        new Thread(static () => WordClasses.Prepare()) { IsBackground = true, Name = "doclint-lexicon" }.Start();
    }

    /// <summary>Loads the layer's word lists on this thread, unless they are loaded already: for a thread that would otherwise wait on another.</summary>
    public static void Prepare() => WordClasses.Prepare();
}

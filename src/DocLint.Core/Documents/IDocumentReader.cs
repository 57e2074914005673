using DocLint.Core.Text;

namespace DocLint.Core.Documents;

/// <summary>Turns decoded source text into a <see cref="Document"/> with a masked prose view.</summary>
public interface IDocumentReader
{
    /// <summary>The reader's name, as used in configuration (plain, markdown, mdx, html).</summary>
    string Name { get; }

    Document Read(string path, SourceText source);
}

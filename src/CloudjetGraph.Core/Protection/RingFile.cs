using System.Xml.Linq;

namespace CloudjetGraph.Core.Protection;

/// <summary>One file of the ring folder: its name and the element it holds, as stored.</summary>
internal sealed record RingFile(string FileName, XElement Element);

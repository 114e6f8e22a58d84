using System.Xml.Linq;

namespace CloudjetGraph.Core.Protection;

/// <summary>One file of the ring folder: its name and the element it holds, as stored.</summary>
public sealed record RingFile(string FileName, XElement Element);

using CloudjetGraph.Core.Keys.Jobs;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>The key job kinds, whose values are the stored kind names.</summary>
internal sealed class KeyJobKindGraphType : LabelEnumerationGraphType
{
    public KeyJobKindGraphType()
    {
        Name = "KeyJobKind";
        Description = "A key job, as the Cli verb of the same name runs it.";
        AddLabel(KeyJobKinds.Rewrap, "Person keys moved to the active person-keys data key (after rotating PERSON_KEYS); key store rows only.");
        AddLabel(KeyJobKinds.Rekey, "New person keys and every sealed value re-sealed, after a suspected exposure; needs a scope.");
        AddLabel(KeyJobKinds.Reindex, "Blind-index entries recomputed under the active blind-index key (after rotating BLIND_INDEX).");
    }
}

using System.Reflection;
using CloudjetGraph.Api.GraphQL;
using CloudjetGraph.Api.GraphQL.Audit;
using CloudjetGraph.Api.GraphQL.Keys;
using CloudjetGraph.Api.GraphQL.Privacy;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.Protection;
using GraphQL.Types;

namespace CloudjetGraph.UnitTests.GraphQL;

/// <summary>
/// Each enum that replaces a label field serves exactly the labels of the Core set it stands for:
/// a label Core gains would otherwise fail at serialization, on a live row, as a field error.
/// </summary>
public sealed class LabelEnumerationTests
{
    public static TheoryData<Type, Type, string> Sets => new()
    {
        { typeof(DataKeyStateGraphType), typeof(DataKeyStates), string.Empty },
        { typeof(DataKeyPurposeGraphType), typeof(DataKeyPurposeLabels), string.Empty },
        { typeof(KeyJobStateGraphType), typeof(KeyJobStates), string.Empty },
        { typeof(KeyJobKindGraphType), typeof(KeyJobKinds), string.Empty },
        { typeof(KeyOperationKindGraphType), typeof(CustodianOperationNames), CustodianOperationNames.Prefix },
        { typeof(OperationOutcomeGraphType), typeof(OperationOutcomes), string.Empty },
        { typeof(ProcessingRestrictionReasonGraphType), typeof(RestrictionReasons), string.Empty },
        { typeof(ProcessingRestrictionPlacerGraphType), typeof(RestrictionPlacers), string.Empty },
        { typeof(ProcessingPurposeGraphType), typeof(Purposes), string.Empty },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Values_OfEachEnum_AreExactlyItsCoreLabels(Type enumType, Type labels, string prefix)
    {
        var enumeration = Create(enumType);
        var coreLabels = Labels(labels).Where(label => label != prefix).Order(StringComparer.Ordinal);

        Assert.Equal(coreLabels, enumeration.Values.Select(value => (string)value.Value!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Values_OfEachEnum_AreNamedAfterTheirLabelsAndDescribed(Type enumType, Type labels, string prefix)
    {
        var enumeration = Create(enumType);
        Assert.NotNull(labels);
        Assert.All(enumeration.Values, value =>
        {
            Assert.Equal(LabelEnumerationGraphType.ValueName(((string)value.Value!)[prefix.Length..]), value.Name);
            Assert.False(string.IsNullOrWhiteSpace(value.Description), $"{enumeration.Name}.{value.Name} has no description.");
        });
    }

    [Fact]
    public void DataKeyPurpose_EveryCorePurpose_IsAValue()
    {
        var purposes = new DataKeyPurposeGraphType();

        Assert.All(Enum.GetValues<DataKeyPurpose>(), purpose => Assert.NotNull(purposes.Values.FindByValue(DataKeyPurposeLabels.Of(purpose))));
    }

    [Fact]
    public void DataKeyPurposeLabel_EachRotatablePurpose_SharesItsNameWithDataKeyPurpose()
    {
        var all = new DataKeyPurposeGraphType();

        Assert.All(new DataKeyPurposeLabelGraphType().Values, value =>
            Assert.Equal(DataKeyPurposeLabels.Of((DataKeyPurpose)value.Value!), (string)all.Values.FindByName(value.Name)!.Value!));
    }

    [Theory]
    [InlineData("decrypt-only", "DECRYPT_ONLY")]
    [InlineData("scheduled-for-destruction", "SCHEDULED_FOR_DESTRUCTION")]
    [InlineData("rewrap-data-keys", "REWRAP_DATA_KEYS")]
    [InlineData("done", "DONE")]
    public void ValueName_Label_IsScreamingSnakeCase(string label, string name)
    {
        Assert.Equal(name, LabelEnumerationGraphType.ValueName(label));
    }

    private static LabelEnumerationGraphType Create(Type enumType) => (LabelEnumerationGraphType)Activator.CreateInstance(enumType)!;

    private static IEnumerable<string> Labels(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!);
}

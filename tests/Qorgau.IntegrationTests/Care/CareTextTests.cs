using System.Xml.Linq;
using Qorgau.Domain;
using Qorgau.Domain.Care;
using Qorgau.Domain.Intake;
using Qorgau.IntegrationTests.Infrastructure;

namespace Qorgau.IntegrationTests.Care;

/// <summary>The keys built from codes at run time ("Care.IncidentKind.suicide", "CaseEvent.compensation.paid") exist in all three languages.</summary>
public sealed class CareTextTests
{
    private static readonly string[] Files = ["SharedResource.resx", "SharedResource.ru.resx", "SharedResource.kk.resx"];

    private static IEnumerable<string> CodeKeys<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => $"Care.{typeof(T).Name}.{EnumCode.Of(v)}");

    [Fact]
    public void Every_code_and_event_kind_of_this_part_has_a_name_in_Kazakh_Russian_and_English()
    {
        var needed = CodeKeys<ConsistencyLevel>().Concat(CodeKeys<SupportKind>()).Concat(CodeKeys<SupportStatus>())
            .Concat(CodeKeys<MeasureKind>()).Concat(CodeKeys<MeasureStatus>()).Concat(CodeKeys<ClaimDecision>())
            .Concat(CodeKeys<IncidentKind>()).Concat(CodeKeys<InquiryState>())
            .Concat(CareEventKind.All.Select(k => $"CaseEvent.{k}"))
            .Concat(typeof(CareProblemCode).GetFields().Select(f => $"Care.Problem.{f.GetValue(null)}"))
            .ToList();

        foreach (var file in Files)
        {
            var keys = XDocument.Load(Path.Combine(RepositoryFiles.WebProject, "Resources", file)).Root!.Elements("data")
                .Where(d => !string.IsNullOrWhiteSpace(d.Element("value")?.Value)).Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
            needed.Where(k => !keys.Contains(k)).ShouldBeEmpty(file);
        }
    }
}

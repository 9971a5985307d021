namespace Qorgau.Web.Features.Cases;

/// <summary>The use cases of the case page, one handler each (see <see cref="CaseModel"/>).</summary>
public static class CaseUseCases
{
    public static IServiceCollection AddCaseUseCases(this IServiceCollection services) => services
        .AddScoped<ShowCase.Handler>()
        .AddScoped<RecordCaseAction.Handler>()
        .AddScoped<ConfirmRequalification.Handler>()
        .AddScoped<AssignMember.Handler>()
        .AddScoped<EndAssignment.Handler>()
        .AddScoped<RequestOverride.Handler>()
        .AddScoped<DecideOverride.Handler>()
        .AddScoped<ChooseInterviewer.Handler>()
        .AddScoped<RecordFollowUp.Handler>()
        .AddScoped<RecordWithdrawal.Handler>()
        .AddScoped<ReplyToComplainant.Handler>()
        .AddScoped<AddOfficial.Handler>()
        .AddScoped<ReadAttachment.Handler>();
}

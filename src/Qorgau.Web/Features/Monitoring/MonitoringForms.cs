namespace Qorgau.Web.Features.Monitoring;

/// <summary>A visit plan as typed: facility code, type code, window (yyyy-MM-dd), the team's user ids.</summary>
public sealed class PlanForm
{
    public string? Facility { get; set; }

    public string? Type { get; set; }

    public string? PlannedFrom { get; set; }

    public string? PlannedTo { get; set; }

    public List<Guid> Team { get; set; } = [];

    /// <summary>The public number of a case saying the person is still held, for an urgent visit.</summary>
    public string? Case { get; set; }
}

public sealed class StartForm
{
    public string? Notice { get; set; }

    public string? NoticeHours { get; set; }

    /// <summary>From a paper protocol: the arrival, "yyyy-MM-ddTHH:mm" in the profile's time zone; empty for now.</summary>
    public string? ArrivedAt { get; set; }
}

public sealed class EndForm
{
    /// <summary>From a paper protocol: the departure, "yyyy-MM-ddTHH:mm" in the profile's time zone; empty for now.</summary>
    public string? LeftAt { get; set; }
}

public sealed class AccessForm
{
    public string? Target { get; set; }

    public string? Description { get; set; }

    public string? Outcome { get; set; }

    public string? DelayMinutes { get; set; }

    public string? AnsweredBy { get; set; }

    public string? Ground { get; set; }
}

public sealed class RegisterForm
{
    public string? Register { get; set; }

    public string? State { get; set; }

    public string? Note { get; set; }
}

public sealed class InterviewForm
{
    public string? Setting { get; set; }

    public string? Persons { get; set; }

    public string? Notes { get; set; }
}

public sealed class FindingForm
{
    public string? Text { get; set; }
}

public sealed class RecommendationForm
{
    public string? Addressee { get; set; }

    public string? Priority { get; set; }

    public string? Text { get; set; }

    public Guid? Repeats { get; set; }
}

public sealed class FollowUpForm
{
    public Guid Recommendation { get; set; }

    public string? Status { get; set; }

    public string? On { get; set; }

    public string? Answer { get; set; }
}

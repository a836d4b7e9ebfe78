namespace Grains.Abstractions.Errors;

/// <summary>Every error code a business rule can raise; each one has a Chinese and an English text in <see cref="ErrorCatalogue"/>.</summary>
public static class ErrorCodes
{
    /// <summary>A required text was empty.</summary>
    public const string TextEmpty = "text.empty";
    /// <summary>A text was longer than allowed.</summary>
    public const string TextTooLong = "text.too-long";
    /// <summary>A text contained a control character other than line breaks and tabs (PostgreSQL cannot store NUL).</summary>
    public const string TextControlCharacter = "text.control-character";
    /// <summary>A value was outside its allowed range.</summary>
    public const string ValueOutOfRange = "value.out-of-range";

    /// <summary>The credit code does not have 18 characters.</summary>
    public const string CreditCodeLength = "enterprise.credit-code.length";
    /// <summary>The credit code contains a character the standard does not allow.</summary>
    public const string CreditCodeCharset = "enterprise.credit-code.charset";
    /// <summary>The first character is not a registration authority.</summary>
    public const string CreditCodeRegistrationAuthority = "enterprise.credit-code.registration-authority";
    /// <summary>The second character is not an entity type of that authority.</summary>
    public const string CreditCodeEntityType = "enterprise.credit-code.entity-type";
    /// <summary>Characters 3 to 8 are not an administrative division code.</summary>
    public const string CreditCodeRegion = "enterprise.credit-code.region";
    /// <summary>The embedded organisation code (characters 9 to 17) has a wrong check digit.</summary>
    public const string CreditCodeOrganizationCode = "enterprise.credit-code.organization-code";
    /// <summary>The last character is not the check character.</summary>
    public const string CreditCodeCheckCharacter = "enterprise.credit-code.check-character";
    /// <summary>The credit code is invalid (generic form, the reason is in the arguments).</summary>
    public const string CreditCodeInvalid = "enterprise.credit-code.invalid";

    /// <summary>The town is not part of the district.</summary>
    public const string TownUnknown = "town.unknown";
    /// <summary>The department is not known.</summary>
    public const string DepartmentUnknown = "department.unknown";
    /// <summary>A coordinate is not a valid WGS-84 latitude/longitude.</summary>
    public const string CoordinateInvalid = "geo.coordinate.invalid";

    /// <summary>A day is configured both as a holiday and as a make-up working day.</summary>
    public const string CalendarConflict = "calendar.conflict";
    /// <summary>The appeal category is not configured.</summary>
    public const string CategoryUnknown = "sla.category.unknown";
    /// <summary>A deadline was given that has already passed.</summary>
    public const string DeadlineInPast = "appeal.deadline.in-past";

    /// <summary>The appeal has not been replied to yet.</summary>
    public const string AppealNotReplied = "appeal.not-replied";
    /// <summary>The appeal is already closed.</summary>
    public const string AppealClosed = "appeal.closed";
    /// <summary>The enterprise has already rated the appeal.</summary>
    public const string AppealAlreadyRated = "appeal.already-rated";
    /// <summary>Someone changed the appeal after the person saw it; the command was not run.</summary>
    public const string AppealChanged = "appeal.changed";
    /// <summary>The command is not possible in the appeal's current status.</summary>
    public const string AppealTransitionInvalid = "appeal.transition.invalid";
    /// <summary>The actor's role may not perform this command.</summary>
    public const string AppealActorNotAllowed = "appeal.actor.not-allowed";
    /// <summary>The objection period of the routing has ended; the routing is binding.</summary>
    public const string AppealRoutingBinding = "appeal.routing.binding";
    /// <summary>The appeal was not routed to this department.</summary>
    public const string AppealWrongDepartment = "appeal.routing.wrong-department";
    /// <summary>A reply needs at least one piece of evidence.</summary>
    public const string AppealEvidenceMissing = "appeal.reply.evidence-missing";
    /// <summary>Too many attachments.</summary>
    public const string AppealTooManyAttachments = "appeal.attachments.too-many";
    /// <summary>A task force must be led by a district leader.</summary>
    public const string AppealTaskForceLeader = "appeal.task-force.leader";
    /// <summary>A task force needs at least two departments.</summary>
    public const string AppealTaskForceDepartments = "appeal.task-force.departments";
    /// <summary>An escalation must go to a higher level.</summary>
    public const string AppealEscalationNotHigher = "appeal.escalation.not-higher";

    /// <summary>Someone changed the project after the steward opened the form; the change was not made.</summary>
    public const string ProjectChanged = "project.changed";
    /// <summary>Another problem was raised on the project after the steward opened the form; nothing was raised.</summary>
    public const string ProjectProblemsChanged = "project.problems-changed";
    /// <summary>The project cannot move between these stages.</summary>
    public const string ProjectStageMoveNotAllowed = "project.stage.move-not-allowed";
    /// <summary>A backward stage move needs a reason.</summary>
    public const string ProjectStageReasonRequired = "project.stage.reason-required";
    /// <summary>A milestone's actual date is before the project started.</summary>
    public const string ProjectMilestoneBeforeStart = "project.milestone.actual-before-start";
    /// <summary>A milestone's actual date is in the future.</summary>
    public const string ProjectMilestoneInFuture = "project.milestone.actual-in-future";
    /// <summary>The milestone does not exist on the project.</summary>
    public const string ProjectMilestoneUnknown = "project.milestone.unknown";
    /// <summary>An investment amount is negative.</summary>
    public const string ProjectInvestmentNegative = "project.investment.negative";
    /// <summary>An investment amount is above the project's total investment.</summary>
    public const string ProjectInvestmentAboveTotal = "project.investment.above-total";

    /// <summary>The official is not known.</summary>
    public const string OfficialUnknown = "packaging.official.unknown";
    /// <summary>The enterprise is not known.</summary>
    public const string EnterpriseUnknown = "packaging.enterprise.unknown";

    /// <summary>No appeal has this id.</summary>
    public const string AppealUnknown = "appeal.unknown";
    /// <summary>An appeal with this id was already accepted.</summary>
    public const string AppealExists = "appeal.exists";
    /// <summary>No key project has this id.</summary>
    public const string ProjectUnknown = "project.unknown";
    /// <summary>The service station is not part of the town.</summary>
    public const string StationUnknown = "town.station.unknown";
    /// <summary>A visit was recorded for a day after today.</summary>
    public const string VisitInFuture = "official.visit.in-future";
    /// <summary>The record's own key differs from the key it is stored under.</summary>
    public const string KeyMismatch = "record.key-mismatch";
    /// <summary>The district has not been set up.</summary>
    public const string DistrictUnknown = "district.unknown";
    /// <summary>A town code is already used by another district (town keys are shared by every district).</summary>
    public const string TownInOtherDistrict = "town.other-district";
    /// <summary>An appeal names a town other than its enterprise's (or its project's) town.</summary>
    public const string AppealTownMismatch = "appeal.town.mismatch";

    /// <summary>The demo generator sizes are not usable.</summary>
    public const string DemoSizesInvalid = "demo.sizes.invalid";
}

using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using Grains.Abstractions.Appeals;

namespace Grains.Integrity;

/// <summary>
/// SHA-256 over every field of an appeal's record except the two that describe its history (<see cref="Appeal.EventCount"/>,
/// <see cref="Appeal.HeadHash"/>, checked against the history itself). Each event seals this hash of the record before and
/// after it, so an edit of the stored record (the text a page shows, a rating, a status) no longer matches its history, and
/// the next change of an edited record keeps the break on record instead of sealing over it.
/// </summary>
/// <remarks>A field added to <see cref="Appeal"/> must be added here (a test enumerates the record's properties); records sealed
/// before would then need a new tag, so that their hashes are computed the old way.</remarks>
internal static class AppealStateHash
{
    private const string Tag = "appeal-state/v1";

    public static string Of(Appeal appeal)
    {
        ArgumentNullException.ThrowIfNull(appeal);
        var form = new CanonicalForm(Tag)
            .Add(appeal.Id).Add(appeal.EnterpriseCreditCode).Add(appeal.TownCode).Add(appeal.Channel.ToString())
            .Add(appeal.Category).Add(appeal.Priority.ToString()).Add(appeal.Title).Add(appeal.Text)
            .Add(appeal.AcceptedAt).Add(appeal.Deadline).Add(appeal.DeadlineFrom).Add(appeal.Status.ToString()).Add(appeal.Level.ToString())
            .List(Items(appeal.Attachments), Attachment)
            .Optional(appeal.Location is { } at ? string.Create(CultureInfo.InvariantCulture, $"{at.Latitude:R},{at.Longitude:R}") : null)
            .Optional(appeal.ProjectId).Optional(appeal.DepartmentCode).Optional(appeal.RoutedAt).Optional(appeal.ObjectionDeadline)
            .Add(appeal.RejectedHandOffs).Add(appeal.ReplyCount).Optional(appeal.LastReplyAt).Optional(appeal.FirstReplyAt)
            .Optional(appeal.LastReplyText)
            .List(Items(appeal.LastEvidence), Attachment)
            .Optional(appeal.Rating?.ToString()).Optional(appeal.RatedAt).Add(appeal.ReworkRound)
            .Optional(appeal.RevisitRating?.ToString()).Optional(appeal.RevisitedAt).Add(appeal.SupervisionCount);
        if (appeal.TaskForce is { } force)
        {
            form.Add("task-force").Add(force.LeaderOfficialId).List(Items(force.DepartmentCodes), static (f, d) => f.Add(d)).Add(force.FormedAt);
        }
        else
        {
            form.Optional((string?)null);
        }

        form.List(Items(appeal.LinkedAppeals), static (f, id) => f.Add(id)).Optional(appeal.ClosedAt);
        return Convert.ToHexStringLower(SHA256.HashData(form.ToUtf8()));
    }

    private static IReadOnlyCollection<T> Items<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private static void Attachment(CanonicalForm form, AttachmentInfo a) => form.Add(a.Name).Add(a.ContentType).Add(a.SizeBytes).Add(a.Sha256);
}

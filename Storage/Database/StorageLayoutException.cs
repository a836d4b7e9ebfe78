namespace Storage;

/// <summary>The database holds tables this version cannot use (written by an older layout); nothing was changed.</summary>
public sealed class StorageLayoutException(string message) : Exception(message);

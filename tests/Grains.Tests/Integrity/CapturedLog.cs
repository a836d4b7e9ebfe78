using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Grains.Tests.Integrity;

/// <summary>Keeps the warnings and errors a host logs, as "Category: message".</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public bool Contains(params string[] parts) => Lines.Any(line => parts.All(part => line.Contains(part, StringComparison.Ordinal)));

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Lines.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}

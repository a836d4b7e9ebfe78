namespace Silo.Runtime;

/// <summary>Runs one activation's work one task at a time, like Orleans' activation scheduler: grain
/// code never runs on two threads at once, and continuations after an await come back here.</summary>
/// <remarks>When the activation is free, a call starts on the caller's thread (no thread hop); the rest
/// of the work is drained by thread-pool work items in batches, for fairness between activations.</remarks>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    private const int BatchSize = 64;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_executing;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_inlineRequested;

    private readonly Lock _lock = new();
    private readonly Queue<Task> _queue = new();
    private bool _active;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Starts the task on the calling thread if nothing else of this activation is running or
    /// queued; otherwise queues it behind that work.</summary>
    public void StartInlineIfFree(Task task)
    {
        t_inlineRequested = this;
        try
        {
            task.Start(this);
        }
        finally
        {
            t_inlineRequested = null;
        }
    }

    protected override void QueueTask(Task task)
    {
        if (t_inlineRequested == this)
        {
            t_inlineRequested = null;
            bool runNow;
            lock (_lock)
            {
                runNow = !_active;
                if (runNow)
                {
                    _active = true;
                }
                else
                {
                    _queue.Enqueue(task);
                }
            }

            if (runNow)
            {
                RunInline(task);
            }

            return;
        }

        lock (_lock)
        {
            _queue.Enqueue(task);
            if (_active)
            {
                return;
            }

            _active = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
        => t_executing == this && !taskWasPreviouslyQueued && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_lock)
        {
            return _queue.ToArray();
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        var previous = t_executing;
        t_executing = this;
        try
        {
            for (var i = 0; i < BatchSize; i++)
            {
                Task? next;
                lock (_lock)
                {
                    if (!_queue.TryDequeue(out next))
                    {
                        _active = false;
                        return;
                    }
                }

                TryExecuteTask(next);
            }
        }
        finally
        {
            t_executing = previous;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    private void RunInline(Task task)
    {
        var previous = t_executing;
        t_executing = this;
        try
        {
            TryExecuteTask(task);
        }
        finally
        {
            t_executing = previous;
        }

        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _active = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}

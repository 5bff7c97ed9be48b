# How a signed-in context retries: Retry-After and the time budget set on Connect-Platform, and writes that may have been
# applied are not sent again.
BeforeAll {
    . $PSScriptRoot/EmulatorSuite.ps1
}

Describe 'Retry policy of a context' {
    It 'shows the defaults and takes -MaxRetryAfterSeconds and -RetryBudgetSeconds' {
        $default = Connect-Platform -Emulator
        $default.MaxRetryAfter | Should -Be ([TimeSpan]::FromMinutes(5))
        $default.RetryBudget | Should -Be ([TimeSpan]::FromMinutes(10))

        $patient = Connect-Platform -Emulator -MaxRetryAfterSeconds 900 -RetryBudgetSeconds 3600
        $patient.MaxRetryAfter | Should -Be ([TimeSpan]::FromSeconds(900))
        $patient.RetryBudget | Should -Be ([TimeSpan]::FromSeconds(3600))
    }

    It 'refuses a maximum wait of 0 s' {
        { Connect-Platform -Emulator -MaxRetryAfterSeconds 0 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,PlatformFlow.Commands.ConnectPlatformCommand'
    }

    It 'fails at once with RetryAfterTooLong when the platform asks for a longer wait than -MaxRetryAfterSeconds' {
        Connect-Platform -Emulator -MaxRetryAfterSeconds 5 | Out-Null
        $engine = Get-EmulatorEngine
        $mark = Get-EmulatorJournalMark
        $engine.Faults.EnqueueThrottle('GET', 30)

        $watch = [Diagnostics.Stopwatch]::StartNew()
        Get-FlowSpec -Name CRMToAEP -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 5

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RetryAfterTooLong,*'
        $failed[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $failed[0].Exception.Message | Should -Match 'asked to wait 30 s \(Retry-After\), longer than the 5 s'
        @(Get-EmulatorRequestSince -Mark $mark | Where-Object Path -like '*/flowSpecs*').Status | Should -Be @(429)
    }

    It 'fails with RetryBudgetSpent when the wait asked for does not fit in -RetryBudgetSeconds' {
        Connect-Platform -Emulator -RetryBudgetSeconds 1 | Out-Null
        $engine = Get-EmulatorEngine
        $mark = Get-EmulatorJournalMark
        $engine.Faults.EnqueueThrottle('GET', 2)

        Get-FlowSpec -Name CRMToAEP -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'RetryBudgetSpent,*'
        $failed[0].Exception.Message | Should -Match 'gave up after 1 attempt in .*the retry budget of 1 s is spent'
        @(Get-EmulatorRequestSince -Mark $mark | Where-Object Path -like '*/flowSpecs*').Status | Should -Be @(429)
    }

    It 'waits as a 429 asks and then goes on' {
        Connect-Platform -Emulator | Out-Null
        $engine = Get-EmulatorEngine
        $mark = Get-EmulatorJournalMark
        $engine.Faults.EnqueueThrottle('GET', 0)

        (Get-FlowSpec -Name CRMToAEP).Name | Should -Be 'CRMToAEP'
        @(Get-EmulatorRequestSince -Mark $mark | Where-Object Path -like '*/flowSpecs*').Status | Should -Be @(429, 200)
    }
}

Describe 'A token that expires during a Retry-After wait' {
    It 'is renewed for the attempt after the wait, and the call succeeds with no 401' {
        $options = (Get-EmulatorEngine).Options
        $lifetime = $options.TokenLifetime
        $options.TokenLifetime = [TimeSpan]::FromSeconds(2)
        try {
            Connect-Platform -Emulator | Out-Null
            $mark = Get-EmulatorJournalMark
            (Get-EmulatorEngine).Faults.EnqueueThrottle('GET', 3)

            (Get-FlowSpec -Name CRMToAEP).Name | Should -Be 'CRMToAEP'

            $requests = @(Get-EmulatorRequestSince -Mark $mark)
            @($requests | Where-Object Path -like '*/flowSpecs*').Status | Should -Be @(429, 200)
            @($requests | Where-Object Path -like '*/ims/token*').Count | Should -Be 1 -Because 'the token issued at sign-in expired during the wait'
            @($requests | Where-Object Status -eq 401) | Should -BeNullOrEmpty
        }
        finally {
            $options.TokenLifetime = $lifetime
            Connect-Platform -Emulator | Out-Null
        }
    }
}

Describe 'A change the platform may have applied is not sent again' {
    BeforeAll {
        Connect-Platform -Emulator | Out-Null
        $engine = Get-EmulatorEngine
        $source = New-SourceConnection -Name "Retry source $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email
    }

    It 'a PATCH answered 503 after it was applied: one PATCH, the change is there, the error says to look first' {
        $mark = Get-EmulatorJournalMark
        $engine.Faults.EnqueueStatus(503, 'PATCH', $true)

        Get-SourceConnection -Id $source.Id | Set-SourceConnection -Description 'Applied once' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'FLOW-*-503,*'
        $failed[0].ErrorDetails.RecommendedAction | Should -Match 'may have applied this change before failing \(HTTP 503\), so it was not sent again'
        @(Get-EmulatorWriteSince -Mark $mark | ForEach-Object Method) | Should -Be @('PATCH')
        (Get-SourceConnection -Id $source.Id).Description | Should -Be 'Applied once'
    }

    It 'a PATCH answered 429 is sent again and applied once' {
        $mark = Get-EmulatorJournalMark
        $engine.Faults.EnqueueThrottle('PATCH', 0)

        Get-SourceConnection -Id $source.Id | Set-SourceConnection -Description 'After a 429'

        @(Get-EmulatorWriteSince -Mark $mark | ForEach-Object Status) | Should -Be @(429, 200)
        (Get-SourceConnection -Id $source.Id).Description | Should -Be 'After a 429'
    }
}

#Requires -Version 7.0
# What a runbook does unattended: signs in from environment variables (against the standalone emulator on loopback, the
# OAuth flow for real), lists its contexts and the org's sandboxes, and starts "everything since the last run".

BeforeAll {
    . $PSScriptRoot/EmulatorSuite.ps1
    $variableNames = 'PLATFORMFLOW_CLIENT_ID', 'PLATFORMFLOW_CLIENT_SECRET', 'PLATFORMFLOW_ORG_ID', 'PLATFORMFLOW_SANDBOX',
        'PLATFORMFLOW_ENVIRONMENT', 'PLATFORMFLOW_BASE_URI', 'PLATFORMFLOW_SCOPE'

    function Clear-PlatformVariable {
        foreach ($name in $variableNames) { [Environment]::SetEnvironmentVariable($name, $null) }
    }
}

AfterAll {
    Clear-PlatformVariable
}

Describe 'Connect-Platform -FromEnvironment' {
    BeforeAll {
        $clientId = "runbook-$suffix"
        $secret = "runbook-secret-$(New-TestSuffix)$(New-TestSuffix)"
        # Enforcing these credentials; the host reads its secret from the environment, never from the command line.
        $standalone = Start-StandaloneEmulator -Argument '--client-id', $clientId, '--sandbox', 'prod,dev,qa' -Environment @{ PLATFORMFLOW_EMULATOR_CLIENT_SECRET = $secret }
        $emulatorContext = Get-PlatformContext
    }

    AfterAll {
        $standalone.Process.Kill()
        $standalone.Process.WaitForExit(10000) | Out-Null
        Clear-PlatformVariable
        $emulatorContext | Disconnect-Platform -ErrorAction SilentlyContinue
        Connect-Platform -Emulator | Out-Null
    }

    BeforeEach {
        Clear-PlatformVariable
        $env:PLATFORMFLOW_CLIENT_ID = $clientId
        $env:PLATFORMFLOW_CLIENT_SECRET = $secret
        $env:PLATFORMFLOW_ORG_ID = 'RUNBOOK@AdobeOrg'
        $env:PLATFORMFLOW_BASE_URI = $standalone.Url
        $env:PLATFORMFLOW_SANDBOX = 'qa'
    }

    It 'signs in with the client id, secret, org, sandbox and gateway the variables name, and shows no secret in any stream' {
        $shown = Connect-Platform -FromEnvironment -Verbose *>&1 | Out-String -Width 300
        $context = Get-PlatformContext
        $shown += $context | Format-List -Property * | Out-String -Width 300
        $shown += Get-Sandbox -Verbose *>&1 | Out-String -Width 300

        $context.ClientId | Should -Be $clientId
        $context.OrgId | Should -Be 'RUNBOOK@AdobeOrg'
        $context.Sandbox | Should -Be 'qa'
        $context.BaseUri | Should -Be "$($standalone.Url)/"
        $context.AuthenticationType | Should -Be 'OAuthServerToServer'
        $shown | Should -Match 'Connected to http://127\.0\.0\.1'
        $shown.Contains($secret) | Should -BeFalse -Because 'the client secret is a secret'
        $shown.Contains((Get-CurrentAccessToken)) | Should -BeFalse -Because 'the access token is a secret'
    }

    It 'takes an explicit -Sandbox over PLATFORMFLOW_SANDBOX' {
        (Connect-Platform -FromEnvironment -Sandbox dev).Sandbox | Should -Be 'dev'
    }

    It 'names the missing variables and none of the values' {
        Remove-Item Env:PLATFORMFLOW_CLIENT_SECRET, Env:PLATFORMFLOW_ORG_ID
        $failure = { Connect-Platform -FromEnvironment } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'MissingEnvironmentVariable,*'
        $failure.Exception.Message | Should -Match 'PLATFORMFLOW_CLIENT_SECRET, PLATFORMFLOW_ORG_ID'
        $failure.Exception.Message | Should -Not -Match ([regex]::Escape($clientId))
    }

    It 'rejects a sandbox name that is not lower case, naming the variable' {
        $env:PLATFORMFLOW_SANDBOX = 'QA'
        $failure = { Connect-Platform -FromEnvironment } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidEnvironmentVariable,*'
        $failure.Exception.Message | Should -Match 'PLATFORMFLOW_SANDBOX'
    }

    It 'fails at sign-in on a wrong secret, without showing either secret' {
        $wrong = "wrong-$(New-TestSuffix)"
        $env:PLATFORMFLOW_CLIENT_SECRET = $wrong
        $failure = { Connect-Platform -FromEnvironment } | Should -Throw -PassThru
        $text = ($failure | Out-String) + $failure.Exception.ToString()

        $text.Contains($wrong) | Should -BeFalse
        $text.Contains($secret) | Should -BeFalse
    }

    It 'lists the standalone emulator''s configured sandboxes with Get-Sandbox' {
        Connect-Platform -FromEnvironment | Out-Null
        $sandboxes = Get-Sandbox

        $sandboxes.Name | Should -Be 'prod', 'dev', 'qa'
        ($sandboxes | Where-Object IsDefault).Name | Should -Be 'prod'
        ($sandboxes | Where-Object Type -EQ 'development').Name | Should -Be 'dev', 'qa'
        (Get-Sandbox -Name 'd*').Name | Should -Be 'dev'
        $sandboxes[0].PSTypeNames[0] | Should -Be 'PlatformFlow.Client.Models.Sandbox'
    }
}

Describe 'Get-Sandbox on the embedded emulator' {
    It 'lists its two configured sandboxes, prod and dev, through the Sandbox API' {
        Connect-Platform -Emulator | Out-Null
        $mark = Get-EmulatorJournalMark

        (Get-Sandbox).Name | Should -Be 'prod', 'dev'
        (Get-EmulatorRequestSince -Mark $mark | Where-Object Path -Like '/data/foundation/sandbox-management/*').Path |
            Should -Be '/data/foundation/sandbox-management/sandboxes'
    }

    It 'shows each sandbox by name, title, type, state, default and region' {
        $table = Get-Sandbox | Format-Table | Out-String -Width 200
        $table | Should -Match 'Name\s+Title\s+Type\s+State\s+IsDefault\s+Region'
        $table | Should -Match 'prod\s+Production\s+production\s+active\s+True\s+VA7'
        $table | Should -Match 'dev\s+dev\s+development\s+active\s+False\s+VA7'
    }
}

Describe 'Get-PlatformContext -ListAvailable' {
    It 'lists every context signed in and not disconnected, marking the current one' {
        $first = Connect-Platform -Emulator
        $second = Connect-Platform -Emulator -Sandbox dev
        $gone = Connect-Platform -Emulator
        $gone | Disconnect-Platform
        $current = Connect-Platform -Emulator

        $listed = @(Get-PlatformContext -ListAvailable)

        $listed | Should -Contain $first
        $listed | Should -Contain $second
        $listed | Should -Contain $current
        $listed | Should -Not -Contain $gone
        @($listed | Where-Object IsCurrent) | Should -HaveCount 1
        ($listed | Where-Object IsCurrent) | Should -Be $current
        ($listed | Where-Object { $_ -eq $second }).Sandbox | Should -Be 'dev'
        $listed.IndexOf($first) | Should -BeLessThan $listed.IndexOf($second) -Because 'oldest first'
    }
}

Describe 'Start-FlowRun with no window' {
    BeforeAll {
        Connect-Platform -Emulator | Out-Null
        $emulatorOptions = (Get-EmulatorEngine).Options
        $runTiming = $emulatorOptions.RunQueuedFor, $emulatorOptions.RunDuration
        $emulatorOptions.RunQueuedFor = [TimeSpan]::Zero
        $emulatorOptions.RunDuration = [TimeSpan]::Zero
        # A daily flow starting now: the emulator runs its first slot at once, over the day before it.
        $dailyFlow = New-SourceConnection -Name "Since last $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Day -Interval 1
    }

    AfterAll {
        $emulatorOptions.RunQueuedFor, $emulatorOptions.RunDuration = $runTiming
    }

    It 'reads from the end of the last run''s window to now, and the next one from where that one ended' {
        $scheduled = @(Get-Dataflow -Id $dailyFlow.Id | Get-FlowRun)
        $scheduled | Should -HaveCount 1
        $scheduledEnd = [long]$scheduled[0].Params['windowEndTime'].ToString()

        $before = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $first = Get-Dataflow -Id $dailyFlow.Id | Start-FlowRun -DeltaColumn Updated_At
        $after = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $firstStart = [long]$first.Params['windowStartTime'].ToString()
        $firstEnd = [long]$first.Params['windowEndTime'].ToString()

        $firstStart | Should -Be $scheduledEnd
        $firstEnd | Should -BeGreaterOrEqual $before
        $firstEnd | Should -BeLessOrEqual $after

        Start-Sleep -Seconds 1.1
        $second = Get-Dataflow -Id $dailyFlow.Id | Start-FlowRun -DeltaColumn Updated_At
        [long]$second.Params['windowStartTime'].ToString() | Should -Be $firstEnd
        [long]$second.Params['windowEndTime'].ToString() | Should -BeGreaterThan $firstEnd
    }

    It 'reads from the flow''s start time when it has not run yet, and says so when that is still to come' {
        $laterStart = [DateTimeOffset]::FromUnixTimeSeconds([DateTimeOffset]::UtcNow.AddHours(1).ToUnixTimeSeconds())
        $laterFlow = New-SourceConnection -Name "Not yet $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Day -Interval 1 -StartTime $laterStart

        $run = $laterFlow | Start-FlowRun -DeltaColumn Updated_At -WindowEnd $laterStart.AddHours(1)
        [long]$run.Params['windowStartTime'].ToString() | Should -Be $laterStart.ToUnixTimeSeconds()

        $mark = Get-EmulatorJournalMark
        $laterFlow | Start-FlowRun -DeltaColumn Updated_At -ErrorVariable tooEarly -ErrorAction SilentlyContinue
        $tooEarly | Should -HaveCount 1
        $tooEarly[0].Exception.Message | Should -Match 'before WindowStart .* \(where the flow''s last run window ended, or its start time\)'
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }
}

#Requires -Version 7.0
# Runbook-grade reliability (issue 11): names that need quoting are found, every gap in the checks before sending is
# closed (and sends no write), sign-in checks the token and the sandbox, listings survive a resource the client cannot
# read, and no error quotes a secret or a whole oversized input.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

    function New-PartsFor([string] $FlowName) {
        New-SourceConnection -Name $FlowName -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec
    }

    # Runs the script block, expecting one error; returns it with the writes the emulator answered meanwhile.
    function Invoke-Refused([scriptblock] $Command) {
        $mark = Get-EmulatorJournalMark
        $failure = $null
        $ErrorActionPreference = 'Stop'
        try { & $Command | Out-Null } catch { $failure = $_ }
        [pscustomobject]@{ Error = $failure; Writes = @(Get-EmulatorWriteSince -Mark $mark) }
    }
}

Describe 'Names that need quoting in a filter' {
    It 'finds <Name> by -Name, exactly, with each of its parts' -ForEach @(
        @{ Name = 'He said "hi"' }
        @{ Name = "It's" }
        @{ Name = 'a,b' }
        @{ Name = 'x==y' }
        @{ Name = 'p~q' }
        @{ Name = 'Café ñandú 東京' }
        @{ Name = "both ' and `"" }
    ) {
        $unique = "$Name $(New-TestSuffix)"
        $flow = New-PartsFor $unique | New-Dataflow
        $flow.Name | Should -BeExactly $unique

        $found = @(Get-Dataflow -Name $unique)
        $found | Should -HaveCount 1
        $found[0].Id | Should -Be $flow.Id
        @(Get-SourceConnection -Name "$unique source") | Should -HaveCount 1
        @(Get-TargetConnection -Name "$unique target") | Should -HaveCount 1
        @(Get-Dataflow -Name "$unique*") | Should -HaveCount 1
    }

    It 'trims the spaces around a name everywhere: created, carried down the pipeline and looked up the same way' {
        $unique = "Padded $(New-TestSuffix)"
        $flow = New-PartsFor "  $unique  " | New-Dataflow
        $flow.Name | Should -BeExactly $unique
        (Get-SourceConnection -Id $flow.SourceConnectionId).Name | Should -BeExactly "$unique source"
        (Get-TargetConnection -Id $flow.TargetConnectionId).Name | Should -BeExactly "$unique target"
        @(Get-Dataflow -Name " $unique ") | Should -HaveCount 1
        (Set-Dataflow -Id $flow.Id -Name "  $unique renamed " -Confirm:$false -PassThru).Name | Should -BeExactly "$unique renamed"
    }
}

Describe 'Checks before sending' {
    BeforeAll {
        $parts = New-PartsFor "Checks $suffix"
    }

    It 'refuses a column type the platform does not know, and sends nothing' {
        $result = Invoke-Refused { New-SourceConnection -Name "Bad type $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column 'Email:notatype' }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $result.Error.Exception.Message | Should -Match "Column Email: 'notatype' is not a column type"
        $result.Writes | Should -HaveCount 0
    }

    It 'refuses -Frequency <Frequency> without -Interval instead of choosing one' -ForEach @(
        @{ Frequency = 'Minute' }, @{ Frequency = 'Hour' }, @{ Frequency = 'Day' }, @{ Frequency = 'Week' }
    ) {
        $result = Invoke-Refused { $parts | New-Dataflow -Frequency $Frequency }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        # The flow spec's scheduleSpec is the judge (the one schedule check): it requires an interval for every periodic frequency.
        $result.Error.Exception.Message | Should -Match "scheduleParams: required property 'interval' is missing"
        $result.Writes | Should -HaveCount 0
    }

    It 'refuses a -MappingSetVersion the mapping set does not have' {
        $result = Invoke-Refused { $parts | New-Dataflow -MappingSetVersion 99 }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $result.Error.Exception.Message | Should -Match 'MappingSetVersion: mapping set \S+ has versions 0 to 0, not 99'
        $result.Writes | Should -HaveCount 0
    }

    It 'refuses a dataset on a schema the sandbox does not have' {
        $result = Invoke-Refused { New-Dataset -Name "No schema $suffix" -SchemaId 'https://ns.adobe.com/platformflow/schemas/nosuch' }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $result.Error.Exception.Message | Should -Match 'SchemaId: https://ns.adobe.com/platformflow/schemas/nosuch is not a schema of this sandbox'
        $result.Writes | Should -HaveCount 0
    }

    It 'refuses a start time in <Year>' -ForEach @(@{ Year = 1900 }, @{ Year = 9999 }) {
        $result = Invoke-Refused { $parts | New-Dataflow -StartTime ([DateTimeOffset]::new($Year, 6, 1, 0, 0, 0, [TimeSpan]::Zero)) }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $result.Error.Exception.Message | Should -Match "scheduleParams.startTime: $Year-06-01 00:00:00 UTC is not from 2000 to 2099"
        $result.Writes | Should -HaveCount 0
    }

    It 'refuses an interval of more than a year' {
        $result = Invoke-Refused { $parts | New-Dataflow -Frequency Minute -Interval 2147483647 }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $result.Error.Exception.Message | Should -Match 'Interval: interval 2147483647 is more than a year of minutes \(at most 525600\)'
        $result.Writes | Should -HaveCount 0
    }

    It 'refuses the same out-of-range schedule in Set-Dataflow, and sends nothing' {
        $flow = $parts | New-Dataflow -Frequency Day -Interval 1
        $result = Invoke-Refused { Set-Dataflow -Id $flow.Id -Interval 400 -Confirm:$false }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $result.Error.Exception.Message | Should -Match 'more than a year of days \(at most 366\)'
        $result.Writes | Should -HaveCount 0
    }
}

Describe 'Secrets and oversized input in errors' {
    It 'never quotes a secret auth parameter of the wrong type, even a decrypted SecureString' {
        $secret = "shpat-$(New-TestSuffix)-never-shown"
        $secure = ConvertTo-SecureString $secret -AsPlainText -Force
        $result = Invoke-Refused { New-BaseConnection -Name "Wrong type $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = @($secure) } }
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $result.Error.Exception.Message | Should -Match 'accessToken.*the secret value \(array, not shown\) is not a string'
        ($result.Error | Out-String) + ($result.Error | Get-Error | Out-String) | Should -Not -Match $secret
        $result.Writes | Should -HaveCount 0
    }

    It 'sends a PSCredential given as a secret parameter as its password' {
        $secret = "shpat-$(New-TestSuffix)-as-credential"
        $credential = [pscredential]::new('shop', (ConvertTo-SecureString $secret -AsPlainText -Force))
        $base = New-BaseConnection -Name "Credential $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = $credential }
        $stored = (Get-EmulatorEngine).Sandbox('prod').Collection('connections').Find($base.Id)
        $stored['auth']['params']['accessToken'].ToString() | Should -BeExactly $secret
        ($base | Format-List * | Out-String) | Should -Not -Match $secret
    }

    It 'quotes at most a short excerpt of a megabyte -Name' {
        $mark = Get-EmulatorJournalMark
        $failure = $null
        try { Get-Dataflow -Name ('x' * 1MB) -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $failure.Exception.Message.Length | Should -BeLessThan 400
        $failure.Exception.Message | Should -Match 'at most 256 characters'
        @(Get-EmulatorRequestSince -Mark $mark) | Should -HaveCount 0
    }
}

Describe 'Listings survive a resource the client cannot read' {
    BeforeAll {
        $odd = "Odd $suffix"
        $flows = "$odd 1", "$odd 2", "$odd 3" | ForEach-Object { New-PartsFor $_ | New-Dataflow -Frequency Day -Interval 1 }
        # What another client may have stored on the platform: an interval beyond an integer, a name that is not text.
        $stored = (Get-EmulatorEngine).Sandbox('prod').Collection('flows')
        $tooBig = $stored.Find($flows[1].Id)['createdAt'].DeepClone()
        $stored.Find($flows[1].Id)['scheduleParams']['interval'] = $tooBig
        $stored.Find($flows[2].Id)['name'] = $tooBig.DeepClone()
    }

    It 'lists every flow, the unreadable fields left out, with a warning naming each id' {
        $listed = @(Get-Dataflow -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop)
        $listed.Id | Should -Contain $flows[0].Id
        $listed.Id | Should -Contain $flows[1].Id
        $listed.Id | Should -Contain $flows[2].Id
        $warnings | Should -HaveCount 2
        ($warnings -match [regex]::Escape($flows[1].Id)) | Should -Match 'scheduleParams.interval left out'
        ($warnings -match [regex]::Escape($flows[2].Id)) | Should -Match 'name left out'

        $partial = $listed | Where-Object Id -EQ $flows[1].Id
        $partial.Name | Should -Be "$odd 2"
        $partial.ScheduleParams.Frequency | Should -Be 'day'
        $partial.ScheduleParams.Interval | Should -BeNullOrEmpty
        ($listed | Where-Object Id -EQ $flows[2].Id).Name | Should -BeNullOrEmpty
    }

    It 'reads the same flow by id with what could be read' {
        $one = Get-Dataflow -Id $flows[1].Id -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop
        $one.Id | Should -Be $flows[1].Id
        $warnings | Should -HaveCount 1
        $warnings[0] | Should -Match 'scheduleParams.interval left out'
    }
}

Describe 'Sign-in checks the sandbox' {
    It 'fails at Connect-Platform for a sandbox the organization does not have, and leaves no context current' {
        $before = Get-PlatformContext
        $mark = Get-EmulatorJournalMark
        $failure = $null
        try { Connect-Platform -Emulator -Sandbox nosuch -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'FLOW-2100-404,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Exception.Message | Should -Match "Sandbox 'nosuch' does not exist"

        # A script that did not stop must not go on writing to the sandbox it was in before.
        Get-PlatformContext | Should -BeNullOrEmpty
        { New-XdmSchema -Title "After a failed sign-in $suffix" -Class profile -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected*'
        (Get-XdmSchema -Id $pre.Schema.Id -Context $before).Title | Should -Be $pre.Schema.Title
        $journal = $before.Emulator.Journal
        @($journal.Recent | Select-Object -Last ($journal.Total - $mark) | Where-Object { $_.IsWrite -and $_.Path.StartsWith('/data/') }) | Should -HaveCount 0
        (Connect-Platform -Emulator -Sandbox dev).Sandbox | Should -Be 'dev'
        Connect-Platform -Emulator | Out-Null
    }
}

Describe 'Ctrl+C in one runspace' {
    It 'leaves a lookup shared with another runspace to finish there' {
        # A source connection made, then changed: the pre-flight reads are cached and the name index is to be asked again,
        # so the next step's first requests are the lookups of source connections.
        $warm = New-SourceConnection -Name "Warm $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Orders -Column Email
        Set-SourceConnection -Id $warm.Id -Description 'changed' | Out-Null
        $faults = (Get-EmulatorEngine).Options.Faults
        $faults.Latency = [TimeSpan]::FromSeconds(3)
        $mark = Get-EmulatorJournalMark
        $step = {
            param($modulePath, $baseConnectionId, $name)
            Import-Module $modulePath
            New-SourceConnection -Name $name -BaseConnectionId $baseConnectionId -TableName Shopify.Orders -Column Email -WhatIf
        }
        $stopped, $waiting = 1, 2 | ForEach-Object {
            $powershell = [powershell]::Create().AddScript($step).AddArgument($ModulePath).AddArgument($pre.BaseConnection.Id).AddArgument("Shared $suffix")
            [pscustomobject]@{ PowerShell = $powershell; Invocation = $powershell.BeginInvoke() }
        }
        try {
            # Both are waiting for the one listing (3 s) when the first is stopped, as Ctrl+C does.
            Start-Sleep -Milliseconds 1500
            $stopped.PowerShell.Stop()
            $stopped.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'

            $planned = $waiting.PowerShell.EndInvoke($waiting.Invocation)
            $waiting.PowerShell.Streams.Error | Should -BeNullOrEmpty
            $planned.Name | Should -Be "Shared $suffix source"
            # Whether there are any (count=true, after the change above), then the name: each asked once, for both runspaces.
            @(Get-EmulatorRequestSince -Mark $mark | Where-Object { $_.Method -eq 'GET' -and $_.Path.EndsWith('/sourceConnections') }).Count | Should -Be 2
        }
        finally {
            $faults.Latency = [TimeSpan]::Zero
            $stopped.PowerShell.Dispose()
            $waiting.PowerShell.Dispose()
        }
    }
}

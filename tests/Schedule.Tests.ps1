#Requires -Version 7.0
# The schedule rules have one source, the flow spec's scheduleSpec: every cmdlet that writes a schedule refuses what the
# spec refuses, before sending anything, with the spec's own words. The expected limits are read from the flow spec the
# emulator serves (its seed file), not from PlatformFlow's code.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    $seed = Get-Content (Join-Path $PSScriptRoot '../src/PlatformFlow.Emulator/Seed/FlowService/flowSpecs/crm-to-aep.json') -Raw | ConvertFrom-Json
    $scheduleRules = $seed.scheduleSpec.spec
    # else (not once) -> if minute -> then: the minute interval's minimum; else: every other frequency's.
    $minuteMinimum = $scheduleRules.else.then.properties.interval.minimum
    $otherMinimum = $scheduleRules.else.else.properties.interval.minimum
    $minuteMinimum | Should -BeGreaterThan $otherMinimum -Because 'the test reads two different limits from the spec'

    $existing = New-ShopifyTestFlow -FlowName "Schedule base $suffix" -Prerequisite $pre
    $flowArguments = @{
        FlowSpecId         = $existing.FlowSpec.Id
        SourceConnectionId = $existing.SourceConnectionIds
        TargetConnectionId = $existing.TargetConnectionIds
    }

    function Invoke-Observed {
        # Runs the command; returns its one error record and the writes it sent (there must be none).
        param([scriptblock] $Command)
        $mark = Get-EmulatorJournalMark
        # Errors stay records to inspect even where the caller stops on the first one (build.ps1 runs Pester so).
        $ErrorActionPreference = 'Continue'
        $streams = & $Command 2>&1
        [pscustomobject]@{
            Output = @($streams | Where-Object { $_ -isnot [Management.Automation.ErrorRecord] })
            Errors = @($streams | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
            Writes = @(Get-EmulatorWriteSince -Mark $mark)
        }
    }
}

Describe 'New-Dataflow checks the schedule against the flow spec' {
    It 'refuses a minute interval one below the spec''s minimum, says so and creates nothing' {
        $result = Invoke-Observed { New-Dataflow -FlowName "Minute $suffix" @flowArguments -Frequency Minute -Interval ($minuteMinimum - 1) }

        $result.Output | Should -HaveCount 0
        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*NewDataflowCommand'
        $result.Errors[0].Exception.Message | Should -BeLike "*scheduleParams.interval*$($minuteMinimum - 1)*minimum of $minuteMinimum*"
        $result.Writes | Should -HaveCount 0
        Get-Dataflow -Name "Minute $suffix" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'accepts the spec''s minimum for a minute schedule' {
        $flow = New-Dataflow -FlowName "Minute ok $suffix" @flowArguments -Frequency Minute -Interval $minuteMinimum

        $flow.ScheduleParams.Frequency | Should -Be 'minute'
        $flow.ScheduleParams.Interval | Should -Be $minuteMinimum
    }

    It 'accepts an hourly interval below the minute minimum, as the spec does for other frequencies' {
        $flow = New-Dataflow -FlowName "Hour ok $suffix" @flowArguments -Frequency Hour -Interval $otherMinimum

        $flow.ScheduleParams.Interval | Should -Be $otherMinimum
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'an interval on a flow that runs once'; Schedule = @{ Frequency = 'Once'; Interval = 2 }; Message = "*scheduleParams*'interval' is not allowed*" }
        @{ Case = 'backfill on a flow that runs once'; Schedule = @{ Frequency = 'Once'; Backfill = $true }; Message = "*scheduleParams*'backfill' is not allowed*" }
        @{ Case = 'a daily schedule without an interval'; Schedule = @{ Frequency = 'Day' }; Message = "*scheduleParams*'interval' is missing*" }
    ) {
        $result = Invoke-Observed { New-Dataflow -FlowName "Refused $suffix" @flowArguments @Schedule }

        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*NewDataflowCommand'
        $result.Errors[0].Exception.Message | Should -BeLike $Message
        $result.Writes | Should -HaveCount 0
    }
}

Describe 'Set-Dataflow checks the new schedule against the flow spec' {
    BeforeAll {
        $changed = New-ShopifyTestFlow -FlowName "Schedule change $suffix" -Prerequisite $pre
    }

    It 'refuses a minute interval one below the spec''s minimum, says so and changes nothing' {
        $result = Invoke-Observed { Get-Dataflow -Id $changed.Id | Set-Dataflow -Frequency Minute -Interval ($minuteMinimum - 1) }

        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*SetDataflowCommand'
        $result.Errors[0].Exception.Message | Should -BeLike "*scheduleParams.interval*minimum of $minuteMinimum*"
        $result.Writes | Should -HaveCount 0
        (Get-Dataflow -Id $changed.Id).ScheduleParams.Frequency | Should -Be 'once'
    }

    It 'refuses an interval on a flow that keeps running once' {
        $result = Invoke-Observed { Set-Dataflow -Id $changed.Id -Interval 3 }

        $result.Errors | Should -HaveCount 1
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*SetDataflowCommand'
        $result.Errors[0].Exception.Message | Should -BeLike "*scheduleParams*'interval' is not allowed*"
        $result.Writes | Should -HaveCount 0
    }

    It 'refuses a new frequency without the interval the spec requires for it' {
        $result = Invoke-Observed { Set-Dataflow -Id $changed.Id -Frequency Week }

        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*SetDataflowCommand'
        $result.Errors[0].Exception.Message | Should -BeLike "*scheduleParams*'interval' is missing*"
        $result.Writes | Should -HaveCount 0
    }

    It 'applies the spec''s minimum with one PATCH' {
        $result = Invoke-Observed { Set-Dataflow -Id $changed.Id -Frequency Minute -Interval $minuteMinimum -PassThru }

        $result.Errors | Should -HaveCount 0
        $result.Writes.Method | Should -Be @('PATCH')
        $result.Output.ScheduleParams.Interval | Should -Be $minuteMinimum
    }
}

Describe 'Import-Dataflow checks each definition''s schedule against the flow spec' {
    BeforeAll {
        $exported = New-ShopifyTestFlow -FlowName "Schedule export $suffix" -Prerequisite $pre
        $folder = Join-Path $TestDrive 'flows'
        $file = $exported | Export-Dataflow -Path $folder | Select-Object -First 1 -ExpandProperty FullName

        function Write-Definition {
            # The exported definition under a new flow name, with the given schedule.
            param([string] $Name, [hashtable] $Schedule)
            $definition = Get-Content $file -Raw | ConvertFrom-Json -AsHashtable
            $definition.name = $Name
            foreach ($member in $Schedule.Keys) { $definition.schedule[$member] = $Schedule[$member] }
            $path = Join-Path $TestDrive "$Name.json"
            $definition | ConvertTo-Json -Depth 20 | Set-Content -Path $path
            $path
        }
    }

    It 'refuses a minute interval one below the spec''s minimum, says so and creates nothing' {
        $path = Write-Definition -Name "Imported minute $suffix" -Schedule @{ frequency = 'minute'; interval = $minuteMinimum - 1 }

        $result = Invoke-Observed { Import-Dataflow -Path $path }

        $result.Errors | Should -HaveCount 1
        # The definition format's own schema refuses it first (it repeats the spec's minimum); the flow spec's check
        # (FlowServiceClient.ValidateScheduleAsync, in the planner) stands behind it.
        $result.Errors[0].FullyQualifiedErrorId | Should -BeLike 'DataflowDefinitionInvalid,*ImportDataflowCommand'
        $result.Errors[0].Exception.Message | Should -BeLike "*interval*$($minuteMinimum - 1) is less than the minimum of $minuteMinimum*"
        $result.Writes | Should -HaveCount 0
        Get-Dataflow -Name "Imported minute $suffix" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'imports the spec''s minimum' {
        $path = Write-Definition -Name "Imported minute ok $suffix" -Schedule @{ frequency = 'minute'; interval = $minuteMinimum }

        $result = Invoke-Observed { Import-Dataflow -Path $path }

        $result.Errors | Should -HaveCount 0
        (Get-Dataflow -Name "Imported minute ok $suffix").ScheduleParams.Interval | Should -Be $minuteMinimum
    }
}

#Requires -Version 7.0
# Files and streams (issue 24): a delimited file in Amazon S3, Azure Blob, SFTP and the Data Landing Zone each becomes a
# flow in one pipeline whose runs land records and report the malformed ones; a streaming (HTTP API) flow takes 1,000
# Import-Csv rows through Send-StreamingRecord; CloudStorageToAEP's own minute rule refuses a schedule before anything is
# sent; the export, import into another sandbox and copy of a file flow and of a streaming flow are idempotent; mapping
# suggestions read a file's preview rows. Against the embedded and the standalone emulator.

BeforeAll {
    . (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')
    . (Join-Path $PSScriptRoot 'EmulatorKinds.ps1')

    function New-ProfileDataset([string] $Name) {
        New-XdmSchema -Title $Name -Class profile -FieldGroup profile-person-details, profile-personal-details | New-Dataset -Name $Name
    }

    function Wait-AllFlowRun($Flow) {
        # Every run of the flow, once each has ended (a streaming flow may gather its records in more than one run).
        @($Flow | Get-FlowRun | Wait-FlowRun -PollInterval 1 -Timeout 120 -ErrorAction SilentlyContinue)
    }

    function Get-MalformedEmail($Preview) {
        # The seeded customers file's flawed emails are those with no dot after the @ (docs/emulator.md, Shopify.Customers).
        @($Preview | Where-Object { $_.Email -and $_.Email -notmatch '@[^@]+\.[^@]+$' })
    }
}

Describe 'A delimited file of <Source.Name> becomes a flow in one pipeline, <Kind> emulator' -ForEach @(
    foreach ($kind in 'embedded', 'standalone') {
        @{ Kind = $kind; Source = @{ Name = 'Amazon S3'; Spec = 'amazon-s3' } }
        @{ Kind = $kind; Source = @{ Name = 'Azure Blob'; Spec = 'azure-blob' } }
        @{ Kind = $kind; Source = @{ Name = 'SFTP'; Spec = 'sftp' } }
        @{ Kind = $kind; Source = @{ Name = 'the Data Landing Zone'; Spec = 'landing-zone' } }
    }
) {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $Kind
        $dataset = New-ProfileDataset -Name "Customers $(New-TestSuffix)"
        $secret = ConvertTo-SecureString "secret-$(New-TestSuffix)" -AsPlainText -Force
        # Each source's auth params as its guide lists them (docs/emulator.md); the Data Landing Zone has no base connection.
        $credentials = @{
            'amazon-s3' = @{ s3AccessKey = 'AKIAEXAMPLE'; s3SecretKey = $secret }
            'azure-blob' = @{ connectionString = $secret }
            'sftp' = @{ host = 'sftp.example.com'; userName = 'acme'; password = $secret }
        }
        $explore = if ($credentials.ContainsKey($Source.Spec)) {
            $storage = New-BaseConnection -Name "Storage $(New-TestSuffix)" -ConnectionSpec $Source.Spec -Parameter $credentials[$Source.Spec]
            @{ BaseConnectionId = $storage.Id }
        } else {
            @{ ConnectionSpec = 'landing-zone' }
        }
        $listed = @(Get-SourceFile @explore)
        $flowName = "Customers file $(New-TestSuffix)"
        $flow = Get-SourceFile @explore -Path /acme/customers/customers.csv |
            New-SourceConnection -FlowName $flowName |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address'; Last_Name = 'person.name.lastName' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Once
        $run = Wait-AllFlowRun $flow | Select-Object -First 1
        $preview = (Get-SourceFile @explore -Path /acme/customers/customers.csv -Preview).Preview
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'lists the files under every folder, each piping into Get-SourceFile' {
        $listed.Path | Should -Be @('/acme/customers/customers.csv', '/acme/orders/orders-2026-12.json', '/acme/products/products.parquet')
        $listed.Type | Should -Be @('file', 'file', 'file')
    }

    It 'is a CloudStorageToAEP flow reading the file as delimited' {
        $flow.Name | Should -Be $flowName
        (Get-FlowSpec -Id $flow.FlowSpec.Id).Name | Should -Be 'CloudStorageToAEP'
        $source = Get-SourceConnection -Id $flow.SourceConnectionIds[0]
        $source.Params.Path | Should -Be '/acme/customers/customers.csv'
        $source.Data.Format | Should -Be 'delimited'
    }

    It 'previews a delimited file''s values as text, as a CSV holds them' {
        $described = Get-SourceFile @explore -Path /acme/customers/customers.csv -Preview
        $described.Columns.Type | Select-Object -Unique | Should -Be 'string'
        $preview[0].Id | Should -BeOfType [string]
        $preview[0].Accepts_Marketing | Should -BeIn 'true', 'false'
    }

    It 'lands records and reports the malformed ones with their code, message and field' {
        $run.RecordsRead | Should -BeGreaterThan 0
        $run.RecordsFailed | Should -BeGreaterThan 0 -Because 'the file carries the seeded table''s malformed emails'
        $run.RecordsWritten | Should -Be ($run.RecordsRead - $run.RecordsFailed)
        $run.Status | Should -Be 'PartialSuccess'

        $failed = @($run | Get-FailedRecord)
        $failed | Should -HaveCount $run.RecordsFailed
        $failed | ForEach-Object {
            $_.Field | Should -Be 'personalEmail.address'
            $_.Code | Should -Not -BeNullOrEmpty
            $_.Message | Should -Match 'not a valid email'
            $_.Message | Should -BeLike "*'$($_.Record.Email)'*" -Because 'the error names the value the file has'
        }
        $landed = @(Get-Dataset -Id $dataset.Id | Get-DatasetRecord -First 5)
        $landed | Should -HaveCount 5
        $withEmail = @($landed | Where-Object { $_.personalEmail })
        $withEmail | Should -Not -BeNullOrEmpty
        $withEmail | ForEach-Object { $_.personalEmail.address | Should -Match '@[^@]+\.[^@]+$' }
    }

    It 'previews rows whose malformed emails are among those the run refuses' {
        $preview | Should -Not -BeNullOrEmpty
        Get-MalformedEmail $preview | ForEach-Object { $_.Email | Should -Not -Match '@[^@]+\.[^@]+$' }
    }
}

Describe 'A minute schedule under 15 for CloudStorageToAEP, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_
        $dataset = New-ProfileDataset -Name "Minute $(New-TestSuffix)"
        $spec = Get-FlowSpec -Name CloudStorageToAEP
        $minimum = $spec.ScheduleSpec.Spec.else.then.properties.interval.minimum
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'is refused before the flow is sent, with the spec''s own minimum' {
        $minimum | Should -Be 15 -Because 'the rule comes from the flow spec''s scheduleSpec'
        $VerbosePreference = 'Continue'
        $trace = Get-SourceFile -ConnectionSpec landing-zone -Path /acme/customers/customers.csv |
            New-SourceConnection -FlowName "Every 5 minutes $(New-TestSuffix)" |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Minute -Interval 5 -ErrorVariable refused -ErrorAction SilentlyContinue 4>&1 3>$null

        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        "$($refused[0])" | Should -Match "5 is less than the minimum of $minimum"
        @($trace | Where-Object { "$_" -match '^POST /data/foundation/flowservice/flows ' }) | Should -HaveCount 0
    }
}

Describe 'A streaming flow takes 1,000 records from Import-Csv, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_ -QueuedFor ([TimeSpan]::FromSeconds(2))
        $dataset = New-ProfileDataset -Name "Signups $(New-TestSuffix)"
        $csv = Join-Path ([IO.Path]::GetTempPath()) "signups-$(New-TestSuffix).csv"
        # Every tenth signup has an address with no domain dot: the dataset's XDM schema refuses it.
        1..1000 | ForEach-Object {
            [pscustomobject]@{ email = if ($_ % 10 -eq 0) { "user$_@localhost" } else { "user$_@example.com" }; lastName = "Signup $_" }
        } | Export-Csv -Path $csv -NoTypeInformation
        $events = New-BaseConnection -Name "Web signups $(New-TestSuffix)" -ConnectionSpec http-connector -Parameter @{ dataType = 'raw' }
        $flow = New-SourceConnection -FlowName "Signups $(New-TestSuffix)" -BaseConnectionId $events.Id |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ email = 'personalEmail.address'; lastName = 'person.name.lastName' } |
            Get-FlowSpec |
            New-Dataflow
        $sent = @(Import-Csv -Path $csv | Send-StreamingRecord -FlowId $flow.Id)
        $runs = Wait-AllFlowRun $flow
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
        Remove-Item $csv -ErrorAction SilentlyContinue
    }

    It 'is a flow of the HTTP API spec with a mapping, and no schedule' {
        (Get-FlowSpec -Id $flow.FlowSpec.Id).Name | Should -Be 'Steam data with transformation'
        $flow.ScheduleParams | Should -BeNullOrEmpty
        $events.Auth.Params.inletUrl | Should -Match "/collection/$($events.Auth.Params.inletId)$"
    }

    It 'sends the records in batches under the platform''s limit, each taken by the inlet' {
        ($sent | Measure-Object RecordsSent -Sum).Sum | Should -Be 1000
        $sent.Count | Should -BeGreaterThan 1 -Because 'a batch holds at most 500 records'
        ($sent | Measure-Object RecordsRejected -Sum).Sum | Should -Be 0
    }

    It 'lands the 900 good records in the dataset' {
        ($runs | Measure-Object RecordsRead -Sum).Sum | Should -Be 1000
        ($runs | Measure-Object RecordsWritten -Sum).Sum | Should -Be 900
        $landed = @(Get-Dataset -Id $dataset.Id | Get-DatasetRecord -First 20)
        $landed | Should -Not -BeNullOrEmpty
        $landed | ForEach-Object { $_.personalEmail.address | Should -Match '@example\.com$' }
    }

    It 'lists the 100 bad records with their errors' {
        $failed = @($runs | Get-FailedRecord)
        $failed | Should -HaveCount 100
        $failed | ForEach-Object {
            $_.Record.email | Should -Match '@localhost$'
            $_.Field | Should -Be 'personalEmail.address'
            $_.Message | Should -Match 'not a valid email'
        }
    }

    It 'writes an error naming each record it cannot send or the inlet refuses, and goes on' {
        $empty = @{}
        $results = @(@(@{ email = 'a@example.com' }, 'not a record', $empty) | Send-StreamingRecord -FlowId $flow.Id -ErrorVariable refused -ErrorAction SilentlyContinue)

        $results.RecordsSent | Should -Be 2 -Because 'a string is no record: it is not sent'
        $results.RecordsRejected | Should -Be 1
        $refused | Should -HaveCount 2
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'NotARecord,*'
        $refused[0].TargetObject | Should -Be 'not a record'
        $refused[1].FullyQualifiedErrorId | Should -BeLike 'StreamingRecordRejected,*'
        $refused[1].TargetObject | Should -Be $empty
        "$($refused[1])" | Should -Match 'no fields'
    }

    It 'sends nothing under -WhatIf' {
        $before = ($flow | Get-FlowRun).Count
        @{ email = 'b@example.com' } | Send-StreamingRecord -FlowId $flow.Id -WhatIf | Should -BeNullOrEmpty
        ($flow | Get-FlowRun).Count | Should -Be $before
    }

    It 'wraps each record in the XDM envelope for a connection of XDM data, which the inlet takes' {
        $xdmEvents = New-BaseConnection -Name "XDM signups $(New-TestSuffix)" -ConnectionSpec http-connector -Parameter @{ dataType = 'xdm' }
        $xdmFlow = New-SourceConnection -FlowName "XDM signups $(New-TestSuffix)" -BaseConnectionId $xdmEvents.Id |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow

        $result = @(1..3 | ForEach-Object { @{ email = "xdm$_@example.com" } } | Send-StreamingRecord -FlowId $xdmFlow.Id)

        $result.RecordsSent | Should -Be 3
        $result.RecordsRejected | Should -Be 0 -Because 'an XDM inlet takes body.xdmEntity, not a bare record'
    }

    It 'refuses to re-trigger a streaming run: its records come from the inlet, not a window to read again' {
        $runs[0] | Restart-FlowRun -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        "$($refused[0])" | Should -Match 'takes no run on demand'
    }

    It 'refuses a flow of the spec that streams XDM unmapped, before creating it, saying how to stream through a mapping' {
        $name = "Unmapped $(New-TestSuffix)"
        $VerbosePreference = 'Continue'
        $trace = New-SourceConnection -FlowName $name -BaseConnectionId $events.Id |
            New-TargetConnection -DatasetId $dataset.Id |
            Get-FlowSpec -Name 'Stream data without transformation' |
            New-Dataflow -RollbackOnError -ErrorVariable refused -ErrorAction SilentlyContinue 4>&1 3>$null

        $refused | Should -HaveCount 1
        "$($refused[0])" | Should -Match "'Stream data without transformation' streams records already in XDM"
        "$($refused[0])" | Should -Match 'New-MappingSet'
        @($trace | Where-Object { "$_" -match '^POST /data/foundation/flowservice/flows ' }) | Should -HaveCount 0
        Get-Dataflow -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'takes records at the inlet without an access token, unless the connection requires authentication' -Skip:($_ -eq 'embedded') {
        # Only the standalone host's inlet URL can be called from outside the module; the embedded one is in-process.
        $guarded = New-BaseConnection -Name "Guarded signups $(New-TestSuffix)" -ConnectionSpec http-connector -Parameter @{ dataType = 'raw'; authenticationRequired = $true }
        $guardedFlow = New-SourceConnection -FlowName "Guarded $(New-TestSuffix)" -BaseConnectionId $guarded.Id |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow
        $message = @{ header = @{}; body = @{ email = 'anonymous@example.com' } } | ConvertTo-Json
        $open = @{ 'x-sandbox-name' = 'prod'; 'x-adobe-flow-id' = $flow.Id }

        $taken = Invoke-RestMethod -Method Post -Uri $events.Auth.Params.inletUrl -Headers $open -Body $message -ContentType 'application/json'
        $refusal = { Invoke-RestMethod -Method Post -Uri $guarded.Auth.Params.inletUrl -Headers @{ 'x-sandbox-name' = 'prod'; 'x-adobe-flow-id' = $guardedFlow.Id } -Body $message -ContentType 'application/json' }

        $taken.xactionId | Should -Not -BeNullOrEmpty
        $refusal | Should -Throw -ExceptionType ([Microsoft.PowerShell.Commands.HttpResponseException])
        (@{ email = 'signed@example.com' } | Send-StreamingRecord -FlowId $guardedFlow.Id).RecordsSent | Should -Be 1 -Because 'the module signs its requests in'
    }
}

Describe 'A file flow and a streaming flow as code, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_
        function Connect-Sandbox([string] $Name) {
            if ($emulator.Url) {
                $secret = ConvertTo-SecureString "files-$(New-TestSuffix)" -AsPlainText -Force
                Connect-Platform -BaseUri $emulator.Url -ClientId files -ClientSecret $secret -OrgId 'FILES@AdobeOrg' -Sandbox $Name
            } else {
                Connect-Platform -Emulator -Sandbox $Name
            }
        }
        function Invoke-Counted([scriptblock] $Command) {
            # The command's output, and the changing calls it made (its -Verbose trace names each HTTP call).
            $all = @(& $Command 4>&1)
            [pscustomobject]@{
                Output = @($all | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] })
                Writes = @($all | Where-Object { $_ -is [Management.Automation.VerboseRecord] -and "$_" -match '^(POST|PATCH|PUT|DELETE) /data/' })
            }
        }

        $dev = Connect-Sandbox dev
        $prod = Connect-Sandbox prod
        $folder = Join-Path ([IO.Path]::GetTempPath()) "pf-file-flows-$(New-TestSuffix)"
        $null = New-Item -ItemType Directory -Path $folder
        foreach ($context in $dev, $prod) {
            $null = New-XdmSchema -Title 'Customers' -Class profile -FieldGroup profile-person-details, profile-personal-details -Context $context |
                New-Dataset -Name 'Customers' -Context $context
            $null = New-BaseConnection -Name 'Bucket' -ConnectionSpec amazon-s3 -Context $context -Parameter @{
                s3AccessKey = 'AKIAEXAMPLE'; s3SecretKey = ConvertTo-SecureString "s3-$(New-TestSuffix)" -AsPlainText -Force
            }
            $null = New-BaseConnection -Name 'Signups' -ConnectionSpec http-connector -Parameter @{ dataType = 'raw' } -Context $context
        }
        $datasetId = (Get-Dataset -Name Customers -Context $dev).Id
        function New-DevFileFlow([string] $Name, [hashtable] $Read) {
            $explore = if ($Read.Bucket) { @{ BaseConnectionId = (Get-BaseConnection -Name Bucket -Context $dev).Id } } else { @{ ConnectionSpec = 'landing-zone' } }
            $how = @{}
            foreach ($setting in 'ColumnDelimiter', 'Compression') { if ($Read[$setting]) { $how[$setting] = $Read[$setting] } }
            Get-SourceFile @explore -Path /acme/customers/customers.csv -Context $dev |
                New-SourceConnection -FlowName $Name @how -Context $dev |
                New-TargetConnection -DatasetId $datasetId -Context $dev |
                New-MappingSet -Mapping @{ Email = 'personalEmail.address' } -Context $dev |
                Get-FlowSpec -Context $dev |
                New-Dataflow -Frequency Day -Interval 1 -StartTime '2026-01-05T06:00:00Z' -Context $dev
        }
        function New-DevStreamingFlow([string] $Name) {
            New-SourceConnection -FlowName $Name -BaseConnectionId (Get-BaseConnection -Name Signups -Context $dev).Id -Context $dev |
                New-TargetConnection -DatasetId $datasetId -Context $dev |
                New-MappingSet -Mapping @{ email = 'personalEmail.address' } -Context $dev |
                Get-FlowSpec -Context $dev |
                New-Dataflow -Context $dev
        }
        $null = New-DevFileFlow -Name 'Customers file' -Read @{ Bucket = $true; ColumnDelimiter = ';'; Compression = 'gzip' }
        $null = New-DevFileFlow -Name 'Customers drop' -Read @{ ColumnDelimiter = '|' }
        $null = New-DevStreamingFlow -Name 'Signups stream'
        $copiedFile = New-DevFileFlow -Name 'Customers file copy' -Read @{ Bucket = $true; ColumnDelimiter = ';' }
        $copiedStream = New-DevStreamingFlow -Name 'Signups stream copy'
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
        Remove-Item -Recurse -Force $folder -ErrorAction SilentlyContinue
    }

    It 'exports <Name> with <Because>, imports it into the other sandbox, and finds nothing to change the second time' -ForEach @(
        @{ Name = 'Customers file'; Because = 'the file it reads and how (delimiter, compression)'; Expected = @{ path = '/acme/customers/customers.csv'; columnDelimiter = ';'; compression = 'gzip'; baseConnection = 'Bucket' } }
        @{ Name = 'Customers drop'; Because = 'a Data Landing Zone file and no base connection'; Expected = @{ path = '/acme/customers/customers.csv'; columnDelimiter = '|'; baseConnection = $null } }
        @{ Name = 'Signups stream'; Because = 'no schedule and no file'; Expected = @{ path = $null; columnDelimiter = $null; baseConnection = 'Signups' } }
    ) {
        Get-Dataflow -Name $Name -Context $dev | Export-Dataflow -Path "$folder/" -Context $dev | Out-Null
        $file = Join-Path $folder "$Name.json"
        $written = Get-Content $file -Raw | ConvertFrom-Json
        foreach ($member in $Expected.Keys) { $written.source.$member | Should -Be $Expected[$member] -Because "source.$member" }
        if ($Name -eq 'Signups stream') { $written.PSObject.Properties.Name | Should -Not -Contain 'schedule' }

        $created = Import-Dataflow -Path $file -Context $prod
        $created.Outcome | Should -Be 'Created'
        $source = Get-SourceConnection -Id $created.SourceConnectionId -Context $prod
        $source.Params.Path | Should -Be $Expected.path
        $source.Data.Properties.ColumnDelimiter | Should -Be $Expected.columnDelimiter
        "$((Get-Dataflow -Id $created.FlowId -Context $prod).ScheduleParams)" | Should -Be "$((Get-Dataflow -Name $Name -Context $dev).ScheduleParams)" -Because 'the same schedule, or none'

        $again = Invoke-Counted { Import-Dataflow -Path $file -Context $prod -Verbose }
        $again.Writes | Should -HaveCount 0
        $again.Output.Outcome | Should -Be 'Reused'
        $again.Output.Parts.Outcome | Should -Be @('Reused', 'Reused', 'Reused', 'Reused')
    }

    It 'copies <Flow.Name> in one step, then finds nothing to change' -ForEach @(
        @{ Flow = @{ Name = 'Customers file copy' } }
        @{ Flow = @{ Name = 'Signups stream copy' } }
    ) {
        $original = Get-Dataflow -Name $Flow.Name -Context $dev
        $result = $original | Copy-Dataflow -Context $dev -DestinationContext $prod
        $result.Outcome | Should -Be 'Created'

        $again = Invoke-Counted { Copy-Dataflow -Id $original.Id -Context $dev -DestinationContext $prod -Verbose }
        $again.Writes | Should -HaveCount 0
        $again.Output.Outcome | Should -Be 'Reused'
    }
}

Describe 'Mapping suggestions for a file''s columns, <_> emulator' -ForEach 'embedded', 'standalone' {
    BeforeAll {
        $emulator = Connect-TestEmulator -Kind $_
        $dataset = New-ProfileDataset -Name "Suggested $(New-TestSuffix)"
        $flow = Get-SourceFile -ConnectionSpec landing-zone -Path /acme/customers/customers.csv |
            New-SourceConnection -FlowName "Suggested $(New-TestSuffix)" |
            New-TargetConnection -DatasetId $dataset.Id |
            New-MappingSet -Mapping @{ Email = 'personalEmail.address' } |
            Get-FlowSpec |
            New-Dataflow -Frequency Day -Interval 1
        $VerbosePreference = 'Continue'
        $trace = @(Get-TargetConnection -Id $flow.TargetConnectionIds[0] | Get-MappingSuggestion 4>&1)
        $VerbosePreference = 'SilentlyContinue'
        $suggested = @($trace | Where-Object { $_ -isnot [Management.Automation.VerboseRecord] })
    }

    AfterAll {
        Disconnect-TestEmulator $emulator
    }

    It 'reads the file''s preview rows, as it reads a table''s' {
        @($trace | Where-Object { "$_" -match '^GET /data/foundation/flowservice/connectionSpecs/[^/]+/explore\?objectType=file&object=%2Facme%2Fcustomers%2Fcustomers\.csv&fileType=delimited&preview=true' }) |
            Should -HaveCount 1
    }

    It 'suggests the file''s columns, checked against its sample rows' {
        $suggested.Source | Should -Contain 'Email'
        $suggested.Source | Should -Contain 'Last_Name'
        ($suggested | Where-Object Source -EQ 'Email').Reason | Should -Match 'checked on [1-9][0-9]* sample rows' -Because 'the file''s preview rows are the samples'
    }
}

# Check before you run: Test-BaseConnection, calculated fields in New-MappingSet, Test-MappingSet (validation and preview)
# and the mapped preview rows in a -WhatIf plan.

BeforeAll {
    . $PSScriptRoot/EmulatorSuite.ps1
    $customers = @(
        @{ Email = 'Mia.Jensen@Example.com'; First_Name = 'Mia'; Last_Name = 'Jensen' }
        @{ Email = 'LUCAS@example.com'; First_Name = 'Lucas'; Last_Name = 'Martin' }
    )
    $calculated = [ordered]@{ '=lower(Email)' = 'personalEmail.address'; '=concat(First_Name, " ", Last_Name)' = 'person.name.fullName' }
}

Describe 'Test-BaseConnection' {
    It 'is true for credentials the source accepts and false for a token the emulator documents as invalid' {
        $bad = New-BaseConnection -Name "Bad $suffix" -ConnectionSpec Shopify -Parameter @{ host = 'shop.example'; accessToken = 'invalid-token' }

        $good = $pre.BaseConnection | Test-BaseConnection
        $refused = $bad | Test-BaseConnection

        $good.PSTypeNames[0] | Should -Be 'PlatformFlow.Client.Models.BaseConnectionTest'
        $good.Result | Should -BeTrue
        $good.BaseConnectionId | Should -Be $pre.BaseConnection.Id
        $refused.Result | Should -BeFalse
        Test-BaseConnection -Id $bad.Id -Quiet | Should -BeExactly $false
        Test-BaseConnection -Id $pre.BaseConnection.Id -Quiet | Should -BeExactly $true
    }

    It 'names an unknown connection in a not-found error' {
        Test-BaseConnection -Id '00000000-0000-0000-0000-000000000000' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'FLOW-1439-404,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Test-MappingSet validates calculated fields' {
    BeforeAll {
        $target = New-SourceConnection -Name "Checked $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers -Column Email, First_Name, Last_Name |
            New-TargetConnection -DatasetId $pre.Dataset.Id
    }

    It 'passes a proposed mapping set with calculated fields for a piped target connection' {
        $target | Test-MappingSet -Mapping $calculated -ErrorVariable problems | Should -BeExactly $true
        $problems | Should -BeNullOrEmpty
    }

    It 'refuses an unknown function, an unknown field and a type mismatch, each an error naming its mapping' {
        $mark = Get-EmulatorJournalMark

        $valid = $target | Test-MappingSet -Mapping ([ordered]@{
                '=proper(First_Name)'       = 'person.name.firstName'
                '=lower(Fax)'               = 'faxPhone.number'
                '=to_array(true, Email)'    = 'person.name.lastName'
                Email                       = 'personalEmail.address'
            }) -ErrorVariable problems -ErrorAction SilentlyContinue

        $valid | Should -BeExactly $false
        $problems | Should -HaveCount 3
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MappingUnknownFunction,*'
        $problems[0].Exception.Message | Should -BeLike "*'=proper(First_Name) -> person.name.firstName'*Unknown function 'proper'*"
        $problems[0].TargetObject.Destination | Should -Be 'person.name.firstName'
        $problems[1].FullyQualifiedErrorId | Should -BeLike 'MappingUnknownSourceField,*'
        $problems[1].Exception.Message | Should -BeLike "*Fax*"
        $problems[2].FullyQualifiedErrorId | Should -BeLike 'MappingTypeMismatch,*'
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'validates proposed mappings for a planned target connection, against the carried table''s columns' {
        $mark = Get-EmulatorJournalMark

        $valid = New-SourceConnection -Name "Planned check $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers -WhatIf |
            New-TargetConnection -DatasetId $pre.Dataset.Id -WhatIf |
            Test-MappingSet -Mapping ([ordered]@{ '=lower(Email)' = 'personalEmail.address'; '=upper(Nickname)' = 'person.name.firstName' }) -ErrorVariable problems -ErrorAction SilentlyContinue

        $valid | Should -BeExactly $false
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MappingUnknownSourceField,*'
        $problems[0].Exception.Message | Should -BeLike "*reads 'Nickname'*First_Name*"
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'makes New-MappingSet refuse the same mapping before sending anything' {
        $mark = Get-EmulatorJournalMark

        $target | New-MappingSet -Mapping @{ '=proper(First_Name)' = 'person.name.firstName' } -ErrorVariable refused -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty

        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PreflightRejected,*'
        $refused[0].Exception.Message | Should -BeLike "*Unknown function 'proper'*"
        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
    }

    It 'sends a calculated field as an EXPRESSION mapping' {
        $mappingSet = $target | New-MappingSet -Mapping $calculated

        $expression = $mappingSet.Mappings | Where-Object Destination -EQ 'person.name.fullName'
        $expression.SourceType | Should -Be 'EXPRESSION'
        $expression.Source | Should -Be 'concat(First_Name, " ", Last_Name)'
        $mappingSet | Test-MappingSet | Should -BeExactly $true
    }
}

Describe 'Test-MappingSet previews mapped records' {
    It 'writes the record each sample row becomes' {
        $records = New-SourceConnection -Name "Sampled $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers -Column Email, First_Name, Last_Name |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            Test-MappingSet -Mapping $calculated -Sample $customers

        $records | Should -HaveCount 2
        $records[0].personalEmail.address | Should -Be 'mia.jensen@example.com'
        $records[0].person.name.fullName | Should -Be 'Mia Jensen'
        $records[1].personalEmail.address | Should -Be 'lucas@example.com'
        $records[1].person.name.fullName | Should -Be 'Lucas Martin'
    }

    It 'maps the source table''s own sample rows with -Preview' {
        $table = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers -Preview

        $records = New-SourceConnection -Name "Previewed $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            Test-MappingSet -Mapping $calculated -Preview

        $records | Should -HaveCount $table.Preview.Count
        $records[0].person.name.fullName | Should -Be "$($table.Preview[0].First_Name) $($table.Preview[0].Last_Name)"
        $records[0].person.name.fullName | Should -Be 'Mia Jensen'
    }

    It 'reports a row a calculated field fails on as an error naming the mapping' {
        $records = New-SourceConnection -Name "Failing $suffix" -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers -Column Email, Orders_Count |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            Test-MappingSet -Mapping @{ '=to_integer(Orders_Count)' = 'person.birthYear' } -Sample @{ Orders_Count = '12' }, @{ Orders_Count = 'twelve' } -ErrorVariable failed -ErrorAction SilentlyContinue

        $records | Should -HaveCount 2
        $records[0].person.birthYear | Should -Be 12
        $failed | Should -HaveCount 1
        # The code a run gives the same record (MAPPER-3701-400: a calculated field failed on it).
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MAPPER-3701-400,*' -Because 'a record''s failure keeps the code a run gives it'
        $failed[0].Exception.Message | Should -BeLike "*'=to_integer(Orders_Count) -> person.birthYear' on sample row 1*"
    }
}

Describe 'A flow with a calculated field in one pipeline' {
    It 'shows the mapped preview rows in the -WhatIf plan and sends no write' {
        $mark = Get-EmulatorJournalMark

        # A mapping set no earlier test made: an identical one would be reused (nothing to plan), not planned.
        $unmade = [ordered]@{ First_Name = 'person.name.firstName' } + $calculated
        $planned = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers -Preview |
            New-SourceConnection -Name "Planned calc $suffix" -WhatIf |
            New-TargetConnection -DatasetId $pre.Dataset.Id -WhatIf |
            New-MappingSet -Mapping $unmade -WhatIf

        Get-EmulatorWriteSince -Mark $mark | Should -BeNullOrEmpty
        $planned.Id | Should -BeLike 'planned-*'
        $planned.Preview | Should -HaveCount 4
        $planned.Preview[0].person.name.fullName | Should -Be 'Mia Jensen'
        $planned.Preview[0].personalEmail.address | Should -Be 'mia.jensen@example.com'
    }

    It 'builds the flow with the calculated field' {
        $flow = Get-SourceTable -BaseConnectionId $pre.BaseConnection.Id -TableName Shopify.Customers -Preview |
            New-SourceConnection -Name "Calculated $suffix" |
            New-TargetConnection -DatasetId $pre.Dataset.Id |
            New-MappingSet -Mapping $calculated |
            Get-FlowSpec |
            New-Dataflow -Frequency Once

        $flow.PSTypeNames[0] | Should -Be 'PlatformFlow.Client.Models.Dataflow'
        $mappingSet = Get-MappingSet -Id $flow.MappingSetId
        ($mappingSet.Mappings | Where-Object SourceType -EQ 'EXPRESSION') | Should -HaveCount 2
    }
}

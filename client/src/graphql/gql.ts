/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me { id name email role }\n  }\n": typeof types.MeDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query RunDetails($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      question\n      sql\n      explanation\n      engine\n      rowCount\n      truncated\n      createdAt\n      finishedAt\n      chart {\n        type\n        title\n        reason\n        alternatives\n        x { column label type format timeGrain }\n        y { column label type format }\n        series { column label type format }\n      }\n      suggestions { index kind label }\n      candidates { dataSourceId name description score matched reason }\n      clarification { index label question runnable }\n      error { code message hint }\n      dataSource { id name }\n      # The session takes the data source a finished run used: the chat header reads it from the cache.\n      session { id dataSource { id name } }\n      events { seq stage status durationMs at payload }\n      answer {\n        id\n        feedback { id rating category comment }\n      }\n      refinableFields { name label type kind operators sortable }\n    }\n  }\n": typeof types.RunDetailsDocument,
    "\n  query RunResultPage($id: ID!, $page: Int!, $pageSize: Int!, $orderBy: ResultOrder) {\n    run(id: $id) {\n      id\n      result(page: $page, pageSize: $pageSize, orderBy: $orderBy) {\n        columns { name type dbType hidden }\n        rows\n        totalRows\n        page\n        pageSize\n        pageCount\n        truncated\n      }\n    }\n  }\n": typeof types.RunResultPageDocument,
    "\n  subscription QueryProgress($runId: ID!, $afterSeq: Int!) {\n    queryProgress(runId: $runId, afterSeq: $afterSeq) { seq stage status durationMs at payload }\n  }\n": typeof types.QueryProgressDocument,
    "\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      run { id status question }\n      session { id title status updatedAt }\n    }\n  }\n": typeof types.AskDocument,
    "\n  mutation SelectDataSource($input: SelectDataSourceInput!) {\n    selectDataSource(input: $input) {\n      run { id status question }\n      session { id dataSource { id name } }\n    }\n  }\n": typeof types.SelectDataSourceDocument,
    "\n  mutation CancelRun($input: CancelRunInput!) {\n    cancelRun(input: $input) { run { id status } }\n  }\n": typeof types.CancelRunDocument,
    "\n  query SessionConversation($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      expiresAt\n      updatedAt\n      dataSource { id name }\n      messages(last: 100) {\n        edges {\n          node {\n            id\n            role\n            kind\n            content\n            payload\n            createdAt\n            run { id status }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SessionConversationDocument,
    "\n  query AskableDataSources {\n    dataSources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          description\n          isDemo\n          status\n          tableCount\n          semanticModel {\n            version\n            metrics { name label entity }\n            verifiedQueries { question }\n            entities {\n              name\n              label\n              bridge\n              rowCount\n              defaultTimeField\n              fields { name label role sampleValues distinctCount }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AskableDataSourcesDocument,
    "\n  mutation RefineQuery($input: RefineQueryInput!) {\n    refineQuery(input: $input) {\n      run { id status question }\n      session { id updatedAt }\n    }\n  }\n": typeof types.RefineQueryDocument,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      message {\n        id\n        feedback { id rating category comment }\n      }\n    }\n  }\n": typeof types.SubmitFeedbackDocument,
    "\n  mutation EndSession($input: SessionIdInput!) {\n    endSession(input: $input) {\n      session { id status readOnly updatedAt }\n    }\n  }\n": typeof types.EndSessionDocument,
    "\n  query DiscoverDataSources($question: String!) {\n    discoverDataSources(question: $question) { dataSourceId name score matched }\n  }\n": typeof types.DiscoverDataSourcesDocument,
    "\n  query FieldValues($runId: ID!, $field: String!, $search: String, $first: Int!) {\n    fieldValues(runId: $runId, field: $field, search: $search, first: $first) { values complete }\n  }\n": typeof types.FieldValuesDocument,
    "\n  query DataSourceList {\n    dataSources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          statusMessage\n          isDemo\n          visibility\n          viewerCanEdit\n          ownedByViewer\n          tableCount\n          columnCount\n          lastRefreshedAt\n        }\n      }\n    }\n  }\n": typeof types.DataSourceListDocument,
    "\n  query DataSourceDetail($id: ID!) {\n    dataSource(id: $id) {\n      id\n      name\n      description\n      status\n      statusMessage\n      isDemo\n      visibility\n      viewerCanEdit\n      ownedByViewer\n      tableCount\n      columnCount\n      schemas\n      lastRefreshedAt\n      tables {\n        schema\n        name\n        kind\n        rowEstimate\n        comment\n        columns { name type dbType nullable primaryKey references sampleValues comment }\n      }\n    }\n  }\n": typeof types.DataSourceDetailDocument,
    "\n  mutation TestDataSource($input: TestDataSourceInput!) {\n    testDataSource(input: $input) { ok latencyMs dataSource { id status statusMessage } }\n  }\n": typeof types.TestDataSourceDocument,
    "\n  mutation AddDataSource($input: AddDataSourceInput!) {\n    addDataSource(input: $input) { dataSource { id name status } }\n  }\n": typeof types.AddDataSourceDocument,
    "\n  mutation RefreshDataSource($input: DataSourceIdInput!) {\n    refreshDataSource(input: $input) { dataSource { id status statusMessage tableCount columnCount lastRefreshedAt } }\n  }\n": typeof types.RefreshDataSourceDocument,
    "\n  mutation RemoveDataSource($input: DataSourceIdInput!) {\n    removeDataSource(input: $input) { removedDataSourceId }\n  }\n": typeof types.RemoveDataSourceDocument,
    "\n  fragment SemanticModelFields on SemanticModel {\n    version\n    generatedAt\n    entities {\n      name\n      label\n      table\n      schema\n      kind\n      description\n      bridge\n      rowCount\n      synonyms\n      extraSynonyms\n      defaultTimeField\n      fields { name label type role description synonyms extraSynonyms sampleValues money }\n    }\n    metrics { name label entity expression description origin synonyms }\n    glossary {\n      term\n      definition\n      synonyms\n      maps { kind metric entity field condition { field op values } }\n    }\n    rules {\n      fiscalYearStartMonth\n      defaultFilters { entity description condition { field op values } }\n    }\n    verifiedQueries { question sql note }\n  }\n": typeof types.SemanticModelFieldsFragmentDoc,
    "\n  query SemanticModelView($id: ID!) {\n    dataSource(id: $id) {\n      id\n      viewerCanEdit\n      semanticModel { ...SemanticModelFields }\n    }\n  }\n": typeof types.SemanticModelViewDocument,
    "\n  query SemanticYaml($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModel { version yaml }\n    }\n  }\n": typeof types.SemanticYamlDocument,
    "\n  query SemanticVersions($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModelVersions(limit: 50) { version createdAt note current }\n    }\n  }\n": typeof types.SemanticVersionsDocument,
    "\n  mutation SetSynonyms($input: SetSynonymsInput!) {\n    setSynonyms(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.SetSynonymsDocument,
    "\n  mutation UpsertMetric($input: UpsertMetricInput!) {\n    upsertMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.UpsertMetricDocument,
    "\n  mutation DeleteMetric($input: DeleteMetricInput!) {\n    deleteMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.DeleteMetricDocument,
    "\n  mutation UpsertGlossaryTerm($input: UpsertGlossaryTermInput!) {\n    upsertGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.UpsertGlossaryTermDocument,
    "\n  mutation DeleteGlossaryTerm($input: DeleteGlossaryTermInput!) {\n    deleteGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.DeleteGlossaryTermDocument,
    "\n  mutation SetBusinessRules($input: SetBusinessRulesInput!) {\n    setBusinessRules(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.SetBusinessRulesDocument,
    "\n  mutation UpsertVerifiedQuery($input: UpsertVerifiedQueryInput!) {\n    upsertVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.UpsertVerifiedQueryDocument,
    "\n  mutation DeleteVerifiedQuery($input: DeleteVerifiedQueryInput!) {\n    deleteVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.DeleteVerifiedQueryDocument,
    "\n  mutation ImportSemanticModel($input: ImportSemanticModelInput!) {\n    importSemanticModel(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.ImportSemanticModelDocument,
    "\n  mutation RestoreSemanticModelVersion($input: RestoreSemanticModelVersionInput!) {\n    restoreSemanticModelVersion(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": typeof types.RestoreSemanticModelVersionDocument,
    "\n  query ReviewQueue($dataSourceId: ID!, $status: VerifiedQueryStatus) {\n    verifiedQueries(dataSourceId: $dataSourceId, status: $status, first: 50) {\n      edges {\n        node {\n          id\n          question\n          sql\n          note\n          status\n          live\n          updatedAt\n          feedback { rating category comment createdAt }\n        }\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation PromoteVerifiedQuery($input: PromoteVerifiedQueryInput!) {\n    promoteVerifiedQuery(input: $input) {\n      verifiedQuery { id status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n": typeof types.PromoteVerifiedQueryDocument,
    "\n  mutation RejectVerifiedQuery($input: RejectVerifiedQueryInput!) {\n    rejectVerifiedQuery(input: $input) {\n      verifiedQuery { id status live note updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n": typeof types.RejectVerifiedQueryDocument,
    "\n  mutation UpdateVerifiedQuery($input: UpdateVerifiedQueryInput!) {\n    updateVerifiedQuery(input: $input) {\n      verifiedQuery { id question sql note status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n": typeof types.UpdateVerifiedQueryDocument,
    "\n  query FeedbackSummary($dataSourceId: ID!, $period: FeedbackPeriod!) {\n    feedbackSummary(dataSourceId: $dataSourceId, period: $period, worst: 10) {\n      total\n      positive\n      negative\n      since\n      byCategory { category count }\n      worstQuestions { question positive negative categories lastRatedAt }\n    }\n  }\n": typeof types.FeedbackSummaryDocument,
    "\n  mutation UpdateDataSource($input: UpdateDataSourceInput!) {\n    updateDataSource(input: $input) {\n      dataSource { id name description schemas visibility status statusMessage tableCount columnCount lastRefreshedAt }\n    }\n  }\n": typeof types.UpdateDataSourceDocument,
    "\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt messageCount }\n      }\n    }\n  }\n": typeof types.SessionListDocument,
    "\n  mutation RenameSession($input: RenameSessionInput!) {\n    renameSession(input: $input) { session { id title updatedAt } }\n  }\n": typeof types.RenameSessionDocument,
    "\n  mutation DeleteSession($input: SessionIdInput!) {\n    deleteSession(input: $input) { deletedSessionId }\n  }\n": typeof types.DeleteSessionDocument,
    "\n  subscription SessionChanged {\n    sessionChanged {\n      kind\n      sessionId\n      session { id title status updatedAt messageCount }\n    }\n  }\n": typeof types.SessionChangedDocument,
    "\n  query ApiKeys {\n    apiKeys(first: 50, includeRevoked: true) {\n      edges {\n        node { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id active revokedAt }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query Users($search: String) {\n    users(first: 100, search: $search) {\n      edges {\n        node { id name email role createdAt }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      previousRole\n      user { id role }\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  mutation LogOutEverywhere {\n    logOut\n  }\n": typeof types.LogOutEverywhereDocument,
    "\n  query AuditLog($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges {\n        node {\n          action\n          outcome\n          at\n          ip\n          targetType\n          targetId\n          details\n          actor { id email name }\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { id name email role }\n  }\n": types.MeDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n": types.SignUpDocument,
    "\n  query RunDetails($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      question\n      sql\n      explanation\n      engine\n      rowCount\n      truncated\n      createdAt\n      finishedAt\n      chart {\n        type\n        title\n        reason\n        alternatives\n        x { column label type format timeGrain }\n        y { column label type format }\n        series { column label type format }\n      }\n      suggestions { index kind label }\n      candidates { dataSourceId name description score matched reason }\n      clarification { index label question runnable }\n      error { code message hint }\n      dataSource { id name }\n      # The session takes the data source a finished run used: the chat header reads it from the cache.\n      session { id dataSource { id name } }\n      events { seq stage status durationMs at payload }\n      answer {\n        id\n        feedback { id rating category comment }\n      }\n      refinableFields { name label type kind operators sortable }\n    }\n  }\n": types.RunDetailsDocument,
    "\n  query RunResultPage($id: ID!, $page: Int!, $pageSize: Int!, $orderBy: ResultOrder) {\n    run(id: $id) {\n      id\n      result(page: $page, pageSize: $pageSize, orderBy: $orderBy) {\n        columns { name type dbType hidden }\n        rows\n        totalRows\n        page\n        pageSize\n        pageCount\n        truncated\n      }\n    }\n  }\n": types.RunResultPageDocument,
    "\n  subscription QueryProgress($runId: ID!, $afterSeq: Int!) {\n    queryProgress(runId: $runId, afterSeq: $afterSeq) { seq stage status durationMs at payload }\n  }\n": types.QueryProgressDocument,
    "\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      run { id status question }\n      session { id title status updatedAt }\n    }\n  }\n": types.AskDocument,
    "\n  mutation SelectDataSource($input: SelectDataSourceInput!) {\n    selectDataSource(input: $input) {\n      run { id status question }\n      session { id dataSource { id name } }\n    }\n  }\n": types.SelectDataSourceDocument,
    "\n  mutation CancelRun($input: CancelRunInput!) {\n    cancelRun(input: $input) { run { id status } }\n  }\n": types.CancelRunDocument,
    "\n  query SessionConversation($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      expiresAt\n      updatedAt\n      dataSource { id name }\n      messages(last: 100) {\n        edges {\n          node {\n            id\n            role\n            kind\n            content\n            payload\n            createdAt\n            run { id status }\n          }\n        }\n      }\n    }\n  }\n": types.SessionConversationDocument,
    "\n  query AskableDataSources {\n    dataSources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          description\n          isDemo\n          status\n          tableCount\n          semanticModel {\n            version\n            metrics { name label entity }\n            verifiedQueries { question }\n            entities {\n              name\n              label\n              bridge\n              rowCount\n              defaultTimeField\n              fields { name label role sampleValues distinctCount }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AskableDataSourcesDocument,
    "\n  mutation RefineQuery($input: RefineQueryInput!) {\n    refineQuery(input: $input) {\n      run { id status question }\n      session { id updatedAt }\n    }\n  }\n": types.RefineQueryDocument,
    "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      message {\n        id\n        feedback { id rating category comment }\n      }\n    }\n  }\n": types.SubmitFeedbackDocument,
    "\n  mutation EndSession($input: SessionIdInput!) {\n    endSession(input: $input) {\n      session { id status readOnly updatedAt }\n    }\n  }\n": types.EndSessionDocument,
    "\n  query DiscoverDataSources($question: String!) {\n    discoverDataSources(question: $question) { dataSourceId name score matched }\n  }\n": types.DiscoverDataSourcesDocument,
    "\n  query FieldValues($runId: ID!, $field: String!, $search: String, $first: Int!) {\n    fieldValues(runId: $runId, field: $field, search: $search, first: $first) { values complete }\n  }\n": types.FieldValuesDocument,
    "\n  query DataSourceList {\n    dataSources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          statusMessage\n          isDemo\n          visibility\n          viewerCanEdit\n          ownedByViewer\n          tableCount\n          columnCount\n          lastRefreshedAt\n        }\n      }\n    }\n  }\n": types.DataSourceListDocument,
    "\n  query DataSourceDetail($id: ID!) {\n    dataSource(id: $id) {\n      id\n      name\n      description\n      status\n      statusMessage\n      isDemo\n      visibility\n      viewerCanEdit\n      ownedByViewer\n      tableCount\n      columnCount\n      schemas\n      lastRefreshedAt\n      tables {\n        schema\n        name\n        kind\n        rowEstimate\n        comment\n        columns { name type dbType nullable primaryKey references sampleValues comment }\n      }\n    }\n  }\n": types.DataSourceDetailDocument,
    "\n  mutation TestDataSource($input: TestDataSourceInput!) {\n    testDataSource(input: $input) { ok latencyMs dataSource { id status statusMessage } }\n  }\n": types.TestDataSourceDocument,
    "\n  mutation AddDataSource($input: AddDataSourceInput!) {\n    addDataSource(input: $input) { dataSource { id name status } }\n  }\n": types.AddDataSourceDocument,
    "\n  mutation RefreshDataSource($input: DataSourceIdInput!) {\n    refreshDataSource(input: $input) { dataSource { id status statusMessage tableCount columnCount lastRefreshedAt } }\n  }\n": types.RefreshDataSourceDocument,
    "\n  mutation RemoveDataSource($input: DataSourceIdInput!) {\n    removeDataSource(input: $input) { removedDataSourceId }\n  }\n": types.RemoveDataSourceDocument,
    "\n  fragment SemanticModelFields on SemanticModel {\n    version\n    generatedAt\n    entities {\n      name\n      label\n      table\n      schema\n      kind\n      description\n      bridge\n      rowCount\n      synonyms\n      extraSynonyms\n      defaultTimeField\n      fields { name label type role description synonyms extraSynonyms sampleValues money }\n    }\n    metrics { name label entity expression description origin synonyms }\n    glossary {\n      term\n      definition\n      synonyms\n      maps { kind metric entity field condition { field op values } }\n    }\n    rules {\n      fiscalYearStartMonth\n      defaultFilters { entity description condition { field op values } }\n    }\n    verifiedQueries { question sql note }\n  }\n": types.SemanticModelFieldsFragmentDoc,
    "\n  query SemanticModelView($id: ID!) {\n    dataSource(id: $id) {\n      id\n      viewerCanEdit\n      semanticModel { ...SemanticModelFields }\n    }\n  }\n": types.SemanticModelViewDocument,
    "\n  query SemanticYaml($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModel { version yaml }\n    }\n  }\n": types.SemanticYamlDocument,
    "\n  query SemanticVersions($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModelVersions(limit: 50) { version createdAt note current }\n    }\n  }\n": types.SemanticVersionsDocument,
    "\n  mutation SetSynonyms($input: SetSynonymsInput!) {\n    setSynonyms(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.SetSynonymsDocument,
    "\n  mutation UpsertMetric($input: UpsertMetricInput!) {\n    upsertMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.UpsertMetricDocument,
    "\n  mutation DeleteMetric($input: DeleteMetricInput!) {\n    deleteMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.DeleteMetricDocument,
    "\n  mutation UpsertGlossaryTerm($input: UpsertGlossaryTermInput!) {\n    upsertGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.UpsertGlossaryTermDocument,
    "\n  mutation DeleteGlossaryTerm($input: DeleteGlossaryTermInput!) {\n    deleteGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.DeleteGlossaryTermDocument,
    "\n  mutation SetBusinessRules($input: SetBusinessRulesInput!) {\n    setBusinessRules(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.SetBusinessRulesDocument,
    "\n  mutation UpsertVerifiedQuery($input: UpsertVerifiedQueryInput!) {\n    upsertVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.UpsertVerifiedQueryDocument,
    "\n  mutation DeleteVerifiedQuery($input: DeleteVerifiedQueryInput!) {\n    deleteVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.DeleteVerifiedQueryDocument,
    "\n  mutation ImportSemanticModel($input: ImportSemanticModelInput!) {\n    importSemanticModel(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.ImportSemanticModelDocument,
    "\n  mutation RestoreSemanticModelVersion($input: RestoreSemanticModelVersionInput!) {\n    restoreSemanticModelVersion(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n": types.RestoreSemanticModelVersionDocument,
    "\n  query ReviewQueue($dataSourceId: ID!, $status: VerifiedQueryStatus) {\n    verifiedQueries(dataSourceId: $dataSourceId, status: $status, first: 50) {\n      edges {\n        node {\n          id\n          question\n          sql\n          note\n          status\n          live\n          updatedAt\n          feedback { rating category comment createdAt }\n        }\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation PromoteVerifiedQuery($input: PromoteVerifiedQueryInput!) {\n    promoteVerifiedQuery(input: $input) {\n      verifiedQuery { id status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n": types.PromoteVerifiedQueryDocument,
    "\n  mutation RejectVerifiedQuery($input: RejectVerifiedQueryInput!) {\n    rejectVerifiedQuery(input: $input) {\n      verifiedQuery { id status live note updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n": types.RejectVerifiedQueryDocument,
    "\n  mutation UpdateVerifiedQuery($input: UpdateVerifiedQueryInput!) {\n    updateVerifiedQuery(input: $input) {\n      verifiedQuery { id question sql note status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n": types.UpdateVerifiedQueryDocument,
    "\n  query FeedbackSummary($dataSourceId: ID!, $period: FeedbackPeriod!) {\n    feedbackSummary(dataSourceId: $dataSourceId, period: $period, worst: 10) {\n      total\n      positive\n      negative\n      since\n      byCategory { category count }\n      worstQuestions { question positive negative categories lastRatedAt }\n    }\n  }\n": types.FeedbackSummaryDocument,
    "\n  mutation UpdateDataSource($input: UpdateDataSourceInput!) {\n    updateDataSource(input: $input) {\n      dataSource { id name description schemas visibility status statusMessage tableCount columnCount lastRefreshedAt }\n    }\n  }\n": types.UpdateDataSourceDocument,
    "\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt messageCount }\n      }\n    }\n  }\n": types.SessionListDocument,
    "\n  mutation RenameSession($input: RenameSessionInput!) {\n    renameSession(input: $input) { session { id title updatedAt } }\n  }\n": types.RenameSessionDocument,
    "\n  mutation DeleteSession($input: SessionIdInput!) {\n    deleteSession(input: $input) { deletedSessionId }\n  }\n": types.DeleteSessionDocument,
    "\n  subscription SessionChanged {\n    sessionChanged {\n      kind\n      sessionId\n      session { id title status updatedAt messageCount }\n    }\n  }\n": types.SessionChangedDocument,
    "\n  query ApiKeys {\n    apiKeys(first: 50, includeRevoked: true) {\n      edges {\n        node { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id active revokedAt }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query Users($search: String) {\n    users(first: 100, search: $search) {\n      edges {\n        node { id name email role createdAt }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      previousRole\n      user { id role }\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  mutation LogOutEverywhere {\n    logOut\n  }\n": types.LogOutEverywhereDocument,
    "\n  query AuditLog($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges {\n        node {\n          action\n          outcome\n          at\n          ip\n          targetType\n          targetId\n          details\n          actor { id email name }\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id name email role }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id name email role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user { id email name role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunDetails($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      question\n      sql\n      explanation\n      engine\n      rowCount\n      truncated\n      createdAt\n      finishedAt\n      chart {\n        type\n        title\n        reason\n        alternatives\n        x { column label type format timeGrain }\n        y { column label type format }\n        series { column label type format }\n      }\n      suggestions { index kind label }\n      candidates { dataSourceId name description score matched reason }\n      clarification { index label question runnable }\n      error { code message hint }\n      dataSource { id name }\n      # The session takes the data source a finished run used: the chat header reads it from the cache.\n      session { id dataSource { id name } }\n      events { seq stage status durationMs at payload }\n      answer {\n        id\n        feedback { id rating category comment }\n      }\n      refinableFields { name label type kind operators sortable }\n    }\n  }\n"): (typeof documents)["\n  query RunDetails($id: ID!) {\n    run(id: $id) {\n      id\n      status\n      question\n      sql\n      explanation\n      engine\n      rowCount\n      truncated\n      createdAt\n      finishedAt\n      chart {\n        type\n        title\n        reason\n        alternatives\n        x { column label type format timeGrain }\n        y { column label type format }\n        series { column label type format }\n      }\n      suggestions { index kind label }\n      candidates { dataSourceId name description score matched reason }\n      clarification { index label question runnable }\n      error { code message hint }\n      dataSource { id name }\n      # The session takes the data source a finished run used: the chat header reads it from the cache.\n      session { id dataSource { id name } }\n      events { seq stage status durationMs at payload }\n      answer {\n        id\n        feedback { id rating category comment }\n      }\n      refinableFields { name label type kind operators sortable }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunResultPage($id: ID!, $page: Int!, $pageSize: Int!, $orderBy: ResultOrder) {\n    run(id: $id) {\n      id\n      result(page: $page, pageSize: $pageSize, orderBy: $orderBy) {\n        columns { name type dbType hidden }\n        rows\n        totalRows\n        page\n        pageSize\n        pageCount\n        truncated\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunResultPage($id: ID!, $page: Int!, $pageSize: Int!, $orderBy: ResultOrder) {\n    run(id: $id) {\n      id\n      result(page: $page, pageSize: $pageSize, orderBy: $orderBy) {\n        columns { name type dbType hidden }\n        rows\n        totalRows\n        page\n        pageSize\n        pageCount\n        truncated\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription QueryProgress($runId: ID!, $afterSeq: Int!) {\n    queryProgress(runId: $runId, afterSeq: $afterSeq) { seq stage status durationMs at payload }\n  }\n"): (typeof documents)["\n  subscription QueryProgress($runId: ID!, $afterSeq: Int!) {\n    queryProgress(runId: $runId, afterSeq: $afterSeq) { seq stage status durationMs at payload }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      run { id status question }\n      session { id title status updatedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation Ask($input: AskInput!) {\n    ask(input: $input) {\n      run { id status question }\n      session { id title status updatedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SelectDataSource($input: SelectDataSourceInput!) {\n    selectDataSource(input: $input) {\n      run { id status question }\n      session { id dataSource { id name } }\n    }\n  }\n"): (typeof documents)["\n  mutation SelectDataSource($input: SelectDataSourceInput!) {\n    selectDataSource(input: $input) {\n      run { id status question }\n      session { id dataSource { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($input: CancelRunInput!) {\n    cancelRun(input: $input) { run { id status } }\n  }\n"): (typeof documents)["\n  mutation CancelRun($input: CancelRunInput!) {\n    cancelRun(input: $input) { run { id status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionConversation($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      expiresAt\n      updatedAt\n      dataSource { id name }\n      messages(last: 100) {\n        edges {\n          node {\n            id\n            role\n            kind\n            content\n            payload\n            createdAt\n            run { id status }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionConversation($id: ID!) {\n    session(id: $id) {\n      id\n      title\n      status\n      readOnly\n      expiresAt\n      updatedAt\n      dataSource { id name }\n      messages(last: 100) {\n        edges {\n          node {\n            id\n            role\n            kind\n            content\n            payload\n            createdAt\n            run { id status }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AskableDataSources {\n    dataSources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          description\n          isDemo\n          status\n          tableCount\n          semanticModel {\n            version\n            metrics { name label entity }\n            verifiedQueries { question }\n            entities {\n              name\n              label\n              bridge\n              rowCount\n              defaultTimeField\n              fields { name label role sampleValues distinctCount }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AskableDataSources {\n    dataSources(first: 50) {\n      edges {\n        node {\n          id\n          name\n          description\n          isDemo\n          status\n          tableCount\n          semanticModel {\n            version\n            metrics { name label entity }\n            verifiedQueries { question }\n            entities {\n              name\n              label\n              bridge\n              rowCount\n              defaultTimeField\n              fields { name label role sampleValues distinctCount }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefineQuery($input: RefineQueryInput!) {\n    refineQuery(input: $input) {\n      run { id status question }\n      session { id updatedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation RefineQuery($input: RefineQueryInput!) {\n    refineQuery(input: $input) {\n      run { id status question }\n      session { id updatedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      message {\n        id\n        feedback { id rating category comment }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitFeedback($input: SubmitFeedbackInput!) {\n    submitFeedback(input: $input) {\n      message {\n        id\n        feedback { id rating category comment }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($input: SessionIdInput!) {\n    endSession(input: $input) {\n      session { id status readOnly updatedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation EndSession($input: SessionIdInput!) {\n    endSession(input: $input) {\n      session { id status readOnly updatedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiscoverDataSources($question: String!) {\n    discoverDataSources(question: $question) { dataSourceId name score matched }\n  }\n"): (typeof documents)["\n  query DiscoverDataSources($question: String!) {\n    discoverDataSources(question: $question) { dataSourceId name score matched }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FieldValues($runId: ID!, $field: String!, $search: String, $first: Int!) {\n    fieldValues(runId: $runId, field: $field, search: $search, first: $first) { values complete }\n  }\n"): (typeof documents)["\n  query FieldValues($runId: ID!, $field: String!, $search: String, $first: Int!) {\n    fieldValues(runId: $runId, field: $field, search: $search, first: $first) { values complete }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataSourceList {\n    dataSources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          statusMessage\n          isDemo\n          visibility\n          viewerCanEdit\n          ownedByViewer\n          tableCount\n          columnCount\n          lastRefreshedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DataSourceList {\n    dataSources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          description\n          status\n          statusMessage\n          isDemo\n          visibility\n          viewerCanEdit\n          ownedByViewer\n          tableCount\n          columnCount\n          lastRefreshedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataSourceDetail($id: ID!) {\n    dataSource(id: $id) {\n      id\n      name\n      description\n      status\n      statusMessage\n      isDemo\n      visibility\n      viewerCanEdit\n      ownedByViewer\n      tableCount\n      columnCount\n      schemas\n      lastRefreshedAt\n      tables {\n        schema\n        name\n        kind\n        rowEstimate\n        comment\n        columns { name type dbType nullable primaryKey references sampleValues comment }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DataSourceDetail($id: ID!) {\n    dataSource(id: $id) {\n      id\n      name\n      description\n      status\n      statusMessage\n      isDemo\n      visibility\n      viewerCanEdit\n      ownedByViewer\n      tableCount\n      columnCount\n      schemas\n      lastRefreshedAt\n      tables {\n        schema\n        name\n        kind\n        rowEstimate\n        comment\n        columns { name type dbType nullable primaryKey references sampleValues comment }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDataSource($input: TestDataSourceInput!) {\n    testDataSource(input: $input) { ok latencyMs dataSource { id status statusMessage } }\n  }\n"): (typeof documents)["\n  mutation TestDataSource($input: TestDataSourceInput!) {\n    testDataSource(input: $input) { ok latencyMs dataSource { id status statusMessage } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDataSource($input: AddDataSourceInput!) {\n    addDataSource(input: $input) { dataSource { id name status } }\n  }\n"): (typeof documents)["\n  mutation AddDataSource($input: AddDataSourceInput!) {\n    addDataSource(input: $input) { dataSource { id name status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshDataSource($input: DataSourceIdInput!) {\n    refreshDataSource(input: $input) { dataSource { id status statusMessage tableCount columnCount lastRefreshedAt } }\n  }\n"): (typeof documents)["\n  mutation RefreshDataSource($input: DataSourceIdInput!) {\n    refreshDataSource(input: $input) { dataSource { id status statusMessage tableCount columnCount lastRefreshedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDataSource($input: DataSourceIdInput!) {\n    removeDataSource(input: $input) { removedDataSourceId }\n  }\n"): (typeof documents)["\n  mutation RemoveDataSource($input: DataSourceIdInput!) {\n    removeDataSource(input: $input) { removedDataSourceId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SemanticModelFields on SemanticModel {\n    version\n    generatedAt\n    entities {\n      name\n      label\n      table\n      schema\n      kind\n      description\n      bridge\n      rowCount\n      synonyms\n      extraSynonyms\n      defaultTimeField\n      fields { name label type role description synonyms extraSynonyms sampleValues money }\n    }\n    metrics { name label entity expression description origin synonyms }\n    glossary {\n      term\n      definition\n      synonyms\n      maps { kind metric entity field condition { field op values } }\n    }\n    rules {\n      fiscalYearStartMonth\n      defaultFilters { entity description condition { field op values } }\n    }\n    verifiedQueries { question sql note }\n  }\n"): (typeof documents)["\n  fragment SemanticModelFields on SemanticModel {\n    version\n    generatedAt\n    entities {\n      name\n      label\n      table\n      schema\n      kind\n      description\n      bridge\n      rowCount\n      synonyms\n      extraSynonyms\n      defaultTimeField\n      fields { name label type role description synonyms extraSynonyms sampleValues money }\n    }\n    metrics { name label entity expression description origin synonyms }\n    glossary {\n      term\n      definition\n      synonyms\n      maps { kind metric entity field condition { field op values } }\n    }\n    rules {\n      fiscalYearStartMonth\n      defaultFilters { entity description condition { field op values } }\n    }\n    verifiedQueries { question sql note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SemanticModelView($id: ID!) {\n    dataSource(id: $id) {\n      id\n      viewerCanEdit\n      semanticModel { ...SemanticModelFields }\n    }\n  }\n"): (typeof documents)["\n  query SemanticModelView($id: ID!) {\n    dataSource(id: $id) {\n      id\n      viewerCanEdit\n      semanticModel { ...SemanticModelFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SemanticYaml($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModel { version yaml }\n    }\n  }\n"): (typeof documents)["\n  query SemanticYaml($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModel { version yaml }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SemanticVersions($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModelVersions(limit: 50) { version createdAt note current }\n    }\n  }\n"): (typeof documents)["\n  query SemanticVersions($id: ID!) {\n    dataSource(id: $id) {\n      id\n      semanticModelVersions(limit: 50) { version createdAt note current }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSynonyms($input: SetSynonymsInput!) {\n    setSynonyms(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation SetSynonyms($input: SetSynonymsInput!) {\n    setSynonyms(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertMetric($input: UpsertMetricInput!) {\n    upsertMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation UpsertMetric($input: UpsertMetricInput!) {\n    upsertMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMetric($input: DeleteMetricInput!) {\n    deleteMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation DeleteMetric($input: DeleteMetricInput!) {\n    deleteMetric(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertGlossaryTerm($input: UpsertGlossaryTermInput!) {\n    upsertGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation UpsertGlossaryTerm($input: UpsertGlossaryTermInput!) {\n    upsertGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteGlossaryTerm($input: DeleteGlossaryTermInput!) {\n    deleteGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation DeleteGlossaryTerm($input: DeleteGlossaryTermInput!) {\n    deleteGlossaryTerm(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBusinessRules($input: SetBusinessRulesInput!) {\n    setBusinessRules(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation SetBusinessRules($input: SetBusinessRulesInput!) {\n    setBusinessRules(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertVerifiedQuery($input: UpsertVerifiedQueryInput!) {\n    upsertVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation UpsertVerifiedQuery($input: UpsertVerifiedQueryInput!) {\n    upsertVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteVerifiedQuery($input: DeleteVerifiedQueryInput!) {\n    deleteVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation DeleteVerifiedQuery($input: DeleteVerifiedQueryInput!) {\n    deleteVerifiedQuery(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportSemanticModel($input: ImportSemanticModelInput!) {\n    importSemanticModel(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation ImportSemanticModel($input: ImportSemanticModelInput!) {\n    importSemanticModel(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreSemanticModelVersion($input: RestoreSemanticModelVersionInput!) {\n    restoreSemanticModelVersion(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"): (typeof documents)["\n  mutation RestoreSemanticModelVersion($input: RestoreSemanticModelVersionInput!) {\n    restoreSemanticModelVersion(input: $input) { dataSource { id semanticModel { ...SemanticModelFields } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($dataSourceId: ID!, $status: VerifiedQueryStatus) {\n    verifiedQueries(dataSourceId: $dataSourceId, status: $status, first: 50) {\n      edges {\n        node {\n          id\n          question\n          sql\n          note\n          status\n          live\n          updatedAt\n          feedback { rating category comment createdAt }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($dataSourceId: ID!, $status: VerifiedQueryStatus) {\n    verifiedQueries(dataSourceId: $dataSourceId, status: $status, first: 50) {\n      edges {\n        node {\n          id\n          question\n          sql\n          note\n          status\n          live\n          updatedAt\n          feedback { rating category comment createdAt }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PromoteVerifiedQuery($input: PromoteVerifiedQueryInput!) {\n    promoteVerifiedQuery(input: $input) {\n      verifiedQuery { id status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n"): (typeof documents)["\n  mutation PromoteVerifiedQuery($input: PromoteVerifiedQueryInput!) {\n    promoteVerifiedQuery(input: $input) {\n      verifiedQuery { id status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectVerifiedQuery($input: RejectVerifiedQueryInput!) {\n    rejectVerifiedQuery(input: $input) {\n      verifiedQuery { id status live note updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n"): (typeof documents)["\n  mutation RejectVerifiedQuery($input: RejectVerifiedQueryInput!) {\n    rejectVerifiedQuery(input: $input) {\n      verifiedQuery { id status live note updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateVerifiedQuery($input: UpdateVerifiedQueryInput!) {\n    updateVerifiedQuery(input: $input) {\n      verifiedQuery { id question sql note status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateVerifiedQuery($input: UpdateVerifiedQueryInput!) {\n    updateVerifiedQuery(input: $input) {\n      verifiedQuery { id question sql note status live updatedAt }\n      dataSource { id semanticModel { ...SemanticModelFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeedbackSummary($dataSourceId: ID!, $period: FeedbackPeriod!) {\n    feedbackSummary(dataSourceId: $dataSourceId, period: $period, worst: 10) {\n      total\n      positive\n      negative\n      since\n      byCategory { category count }\n      worstQuestions { question positive negative categories lastRatedAt }\n    }\n  }\n"): (typeof documents)["\n  query FeedbackSummary($dataSourceId: ID!, $period: FeedbackPeriod!) {\n    feedbackSummary(dataSourceId: $dataSourceId, period: $period, worst: 10) {\n      total\n      positive\n      negative\n      since\n      byCategory { category count }\n      worstQuestions { question positive negative categories lastRatedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDataSource($input: UpdateDataSourceInput!) {\n    updateDataSource(input: $input) {\n      dataSource { id name description schemas visibility status statusMessage tableCount columnCount lastRefreshedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDataSource($input: UpdateDataSourceInput!) {\n    updateDataSource(input: $input) {\n      dataSource { id name description schemas visibility status statusMessage tableCount columnCount lastRefreshedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt messageCount }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SessionList($first: Int!, $search: String) {\n    sessions(first: $first, search: $search) {\n      edges {\n        node { id title status updatedAt messageCount }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameSession($input: RenameSessionInput!) {\n    renameSession(input: $input) { session { id title updatedAt } }\n  }\n"): (typeof documents)["\n  mutation RenameSession($input: RenameSessionInput!) {\n    renameSession(input: $input) { session { id title updatedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSession($input: SessionIdInput!) {\n    deleteSession(input: $input) { deletedSessionId }\n  }\n"): (typeof documents)["\n  mutation DeleteSession($input: SessionIdInput!) {\n    deleteSession(input: $input) { deletedSessionId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionChanged {\n    sessionChanged {\n      kind\n      sessionId\n      session { id title status updatedAt messageCount }\n    }\n  }\n"): (typeof documents)["\n  subscription SessionChanged {\n    sessionChanged {\n      kind\n      sessionId\n      session { id title status updatedAt messageCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys(first: 50, includeRevoked: true) {\n      edges {\n        node { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys(first: 50, includeRevoked: true) {\n      edges {\n        node { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey { id name prefix role active createdAt expiresAt lastUsedAt revokedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id active revokedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey { id active revokedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($search: String) {\n    users(first: 100, search: $search) {\n      edges {\n        node { id name email role createdAt }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($search: String) {\n    users(first: 100, search: $search) {\n      edges {\n        node { id name email role createdAt }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      previousRole\n      user { id role }\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($input: SetUserRoleInput!) {\n    setUserRole(input: $input) {\n      previousRole\n      user { id role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOutEverywhere {\n    logOut\n  }\n"): (typeof documents)["\n  mutation LogOutEverywhere {\n    logOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges {\n        node {\n          action\n          outcome\n          at\n          ip\n          targetType\n          targetId\n          details\n          actor { id email name }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter) {\n    auditLog(first: 50, filter: $filter) {\n      edges {\n        node {\n          action\n          outcome\n          at\n          ip\n          targetType\n          targetId\n          details\n          actor { id email name }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
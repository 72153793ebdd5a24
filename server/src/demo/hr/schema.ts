/** Tables of the HR demo. */

import type { TableDef } from "../sql-script.ts";

export const hrTables: TableDef[] = [
  {
    name: "locations",
    comment: "Offices where employees are based.",
    columns: [
      { name: "location_id", type: "integer PRIMARY KEY", comment: "Location identifier." },
      { name: "name", type: "text NOT NULL UNIQUE", comment: "Office name." },
      { name: "city", type: "text NOT NULL", comment: "City of the office." },
      { name: "country", type: "text NOT NULL", comment: "Country of the office." },
    ],
  },
  {
    name: "departments",
    comment: "Departments of the company.",
    columns: [
      { name: "department_id", type: "integer PRIMARY KEY", comment: "Department identifier." },
      { name: "name", type: "text NOT NULL UNIQUE", comment: "Department name, e.g. Engineering or Sales." },
      { name: "cost_center", type: "text NOT NULL UNIQUE", comment: "Finance cost centre code." },
    ],
  },
  {
    name: "job_levels",
    comment: "Career levels, from associate to executive.",
    columns: [
      { name: "level_id", type: "integer PRIMARY KEY", comment: "Level identifier; higher is more senior within a track." },
      { name: "code", type: "text NOT NULL UNIQUE", comment: "Level code, e.g. L3 or M1." },
      { name: "name", type: "text NOT NULL", comment: "Level name, e.g. Senior or Manager." },
      { name: "track", type: "text NOT NULL CHECK (track IN ('Individual contributor', 'Management', 'Executive'))", comment: "Career track of the level." },
    ],
  },
  {
    name: "job_titles",
    comment: "Job titles; each belongs to one department and one level.",
    columns: [
      { name: "job_title_id", type: "integer PRIMARY KEY", comment: "Job title identifier." },
      { name: "title", type: "text NOT NULL UNIQUE", comment: "Job title, e.g. Senior Software Engineer." },
      { name: "department_id", type: "integer NOT NULL REFERENCES departments (department_id)", comment: "Department the title belongs to." },
      { name: "level_id", type: "integer NOT NULL REFERENCES job_levels (level_id)", comment: "Level of the title." },
    ],
  },
  {
    name: "employees",
    comment: "Everyone who works or has worked at the company (headcount, hires and leavers).",
    columns: [
      { name: "employee_id", type: "integer PRIMARY KEY", comment: "Employee number." },
      { name: "first_name", type: "text NOT NULL", comment: "First name." },
      { name: "last_name", type: "text NOT NULL", comment: "Last name." },
      { name: "email", type: "text NOT NULL UNIQUE", comment: "Work email address." },
      { name: "gender", type: "text CHECK (gender IN ('Female', 'Male', 'Non-binary'))", comment: "Self-reported gender; empty when not disclosed." },
      { name: "birth_date", type: "date NOT NULL", comment: "Date of birth." },
      { name: "hire_date", type: "date NOT NULL", comment: "First working day." },
      { name: "termination_date", type: "date", comment: "Last working day; empty for current employees." },
      { name: "termination_reason", type: "text CHECK (termination_reason IN ('Resignation', 'Dismissal', 'Layoff', 'Retirement', 'End of contract'))", comment: "Why the employee left; empty for current employees." },
      { name: "employment_status", type: "text NOT NULL CHECK (employment_status IN ('Active', 'Terminated'))", comment: "Active for current employees, Terminated for leavers." },
      { name: "employment_type", type: "text NOT NULL CHECK (employment_type IN ('Full-time', 'Part-time', 'Contractor'))", comment: "Type of contract." },
      { name: "department_id", type: "integer NOT NULL REFERENCES departments (department_id)", comment: "Current (or last) department." },
      { name: "job_title_id", type: "integer NOT NULL REFERENCES job_titles (job_title_id)", comment: "Current (or last) job title." },
      { name: "manager_id", type: "integer REFERENCES employees (employee_id)", comment: "Employee's manager; empty for the chief executive." },
      { name: "location_id", type: "integer NOT NULL REFERENCES locations (location_id)", comment: "Office the employee works from." },
      { name: "salary", type: "numeric(12,2) NOT NULL CHECK (salary > 0)", comment: "Current (or last) annual base salary in USD." },
    ],
    constraints: [
      "CHECK (termination_date IS NULL OR termination_date >= hire_date)",
      "CHECK ((employment_status = 'Terminated') = (termination_date IS NOT NULL))",
      "CHECK ((termination_date IS NULL) = (termination_reason IS NULL))",
    ],
  },
  {
    name: "salary_history",
    comment: "Every change of an employee's annual base salary, starting with the salary at hire.",
    columns: [
      { name: "salary_change_id", type: "integer PRIMARY KEY", comment: "Salary change identifier." },
      { name: "employee_id", type: "integer NOT NULL REFERENCES employees (employee_id)", comment: "Employee whose salary changed." },
      { name: "effective_date", type: "date NOT NULL", comment: "Date the new salary took effect." },
      { name: "salary", type: "numeric(12,2) NOT NULL CHECK (salary > 0)", comment: "New annual base salary in USD." },
      { name: "reason", type: "text NOT NULL CHECK (reason IN ('Hire', 'Annual raise', 'Promotion', 'Market adjustment'))", comment: "Why the salary changed." },
    ],
    constraints: ["UNIQUE (employee_id, effective_date)"],
  },
  {
    name: "performance_reviews",
    comment: "Year-end performance reviews, one per employee per year.",
    columns: [
      { name: "review_id", type: "integer PRIMARY KEY", comment: "Review identifier." },
      { name: "employee_id", type: "integer NOT NULL REFERENCES employees (employee_id)", comment: "Employee reviewed." },
      { name: "reviewer_id", type: "integer NOT NULL REFERENCES employees (employee_id)", comment: "Manager who wrote the review." },
      { name: "review_year", type: "integer NOT NULL", comment: "Year the review covers." },
      { name: "review_date", type: "date NOT NULL", comment: "Date the review was completed." },
      { name: "rating", type: "integer NOT NULL CHECK (rating BETWEEN 1 AND 5)", comment: "Rating from 1 (below expectations) to 5 (exceptional); 3 meets expectations." },
    ],
    constraints: ["UNIQUE (employee_id, review_year)", "CHECK (reviewer_id <> employee_id)"],
  },
  {
    name: "absences",
    comment: "Time off and absences (vacation, sick leave, parental leave, ...) in 2022–2024.",
    columns: [
      { name: "absence_id", type: "integer PRIMARY KEY", comment: "Absence identifier." },
      { name: "employee_id", type: "integer NOT NULL REFERENCES employees (employee_id)", comment: "Employee who was absent." },
      { name: "absence_type", type: "text NOT NULL CHECK (absence_type IN ('Vacation', 'Sick leave', 'Parental leave', 'Unpaid leave', 'Training'))", comment: "Kind of absence." },
      { name: "start_date", type: "date NOT NULL", comment: "First day of the absence." },
      { name: "end_date", type: "date NOT NULL", comment: "Last day of the absence." },
      { name: "working_days", type: "integer NOT NULL CHECK (working_days > 0)", comment: "Working days (Monday to Friday) the absence covers." },
      { name: "status", type: "text NOT NULL CHECK (status IN ('Approved', 'Rejected', 'Cancelled'))", comment: "Approval status of the request; only approved absences were taken." },
    ],
    constraints: ["CHECK (end_date >= start_date)"],
  },
];
